/// site.yml names policies by slug (`contact.complaints-policy`, `report.policy`): each must be
/// a policy of the site, or the link on every page would lead nowhere.
enum PolicyReferenceCheck {
    static func errors(in configuration: SiteConfiguration, slugs: [String]) -> [Diagnostic] {
        let named = [("complaints-policy", configuration.contactDetails.complaintsPolicy), ("policy", configuration.reportPolicy)]
        return named.compactMap { key, reference -> Diagnostic? in
            guard let reference, !slugs.contains(reference.slug) else { return nil }
            let near = slugs.map { ($0, YAMLReader.editDistance(reference.slug, $0)) }.min { $0.1 < $1.1 }
            let suggestion = near.flatMap { $0.1 <= max(2, reference.slug.count / 3) ? " (did you mean '\($0.0)'?)" : nil } ?? ""
            return .error(at: reference.location, "'\(key)' is '\(reference.slug)', but there is no policy '\(reference.slug)'\(suggestion)",
                          expected: "the file name of a policy in policies/ without .md, such as '\(near?.0 ?? "twitter-policy")'")
        }
    }
}
