/// site.yml names policies by slug (`contact.complaints-policy`, `report.policy`): one that
/// names no policy is a warning, and the pages then leave that link out.
enum PolicyReferenceCheck {
    static func warnings(in configuration: SiteConfiguration, slugs: [String]) -> [Diagnostic] {
        let named = [("complaints-policy", configuration.contactDetails.complaintsPolicy), ("policy", configuration.reportPolicy)]
        return named.compactMap { key, reference -> Diagnostic? in
            guard let reference, !slugs.contains(reference.slug) else { return nil }
            let near = slugs.map { ($0, YAMLReader.editDistance(reference.slug, $0)) }.min { $0.1 < $1.1 }
            let suggestion = near.flatMap { $0.1 <= max(2, reference.slug.count / 3) ? " (did you mean '\($0.0)'?)" : nil } ?? ""
            return .warning(at: reference.location, "'\(key)' is '\(reference.slug)', but there is no policy '\(reference.slug)'\(suggestion), so the pages leave that link out",
                          expected: "the file name of a policy in policies/ without .md, such as '\(near?.0 ?? "twitter-policy")'")
        }
    }
}
