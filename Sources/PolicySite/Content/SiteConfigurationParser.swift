import Foundation
import Yams

/// Reads `site.yml` into a `SiteConfiguration`, reporting every problem with its line.
public enum SiteConfigurationParser {
    static let topLevelKeys = ["organisation", "title", "base-url", "contact", "language", "review", "report", "categories", "actions"]
    static let reviewKeys = ["due-soon-months", "cycle-months"]
    static let reportKeys = ["log", "small-count-threshold", "example-data", "policy"]
    static let contactKeys = ["role", "email", "phone", "complaints-policy"]
    static let termKeys = ["key", "label", "description"]

    /// Parses the text of `file`; warnings (unknown keys) come back beside the value.
    public static func parse(_ text: String, file: String) throws -> (SiteConfiguration, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.parseMapping(text) else { throw PolicySiteError(reader.bag.diagnostics) }
        reader.warnAboutUnknownKeys(in: root, known: topLevelKeys, what: "site.yml", required: ["organisation", "base-url", "contact"])

        let organisation = reader.string("organisation", in: root, required: true, expected: "the organisation's name") ?? ""
        let title = reader.string("title", in: root) ?? "\(organisation) policies"
        var baseURL = reader.string("base-url", in: root, required: true, expected: "an address such as 'https://www.example.org/policies/'") ?? "/"
        if let node = reader.value("base-url", in: root), !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            reader.bag.append(.error(at: reader.location(node), "'base-url' is '\(baseURL)'", expected: "an address starting with https:// (or http://)"))
        }
        if let node = reader.value("base-url", in: root), let host = URLComponents(string: baseURL)?.host, PlaceholderText.isExampleHost(host) {
            reader.bag.append(.warning(at: reader.location(node), "'base-url' is still an example address (\(host)), so the sitemap, feed and calendar would point at no real page",
                                       expected: "the address where the site will be published, such as https://policies.your-school.sch.uk/"))
        }
        if organisation == PlaceholderText.organisation, let node = reader.value("organisation", in: root) {
            reader.bag.append(.warning(at: reader.location(node), "'organisation' is still the example name from 'policysite init'",
                                       expected: "your organisation's name, as parents know it"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let contact = contactDetails(in: root, organisation: organisation, reader: &reader)
        let language = reader.string("language", in: root) ?? "en-GB"

        var dueSoon = 3, cycle = 12
        if let review = section("review", of: root, keys: reviewKeys, reader: &reader) {
            dueSoon = reader.integer("due-soon-months", in: review, default: 3, range: 1...24)
            cycle = reader.integer("cycle-months", in: review, default: 12, range: 1...120)
        }
        var logPath = "moderation-log.csv", threshold = 5, example = false
        var reportPolicy: SiteConfiguration.PolicyReference?
        if let report = section("report", of: root, keys: reportKeys, reader: &reader) {
            reportPolicy = policyReference("policy", in: report, reader: &reader)
            logPath = reader.string("log", in: report) ?? logPath
            threshold = reader.integer("small-count-threshold", in: report, default: 5, range: 1...1000)
            example = reader.bool("example-data", in: report, default: false)
        }
        let categories = terms("categories", in: root, reader: &reader)
        let actions = terms("actions", in: root, reader: &reader)

        try reader.bag.throwIfErrors()
        let configuration = SiteConfiguration(
            organisation: organisation, title: title, baseURL: baseURL, contact: contact.role, language: language,
            dueSoonMonths: dueSoon, reviewCycleMonths: cycle, moderationLogPath: logPath,
            suppressionThreshold: threshold, isExampleData: example, categories: categories, actions: actions,
            contactDetails: contact, reportPolicy: reportPolicy)
        return (configuration, reader.bag.warnings)
    }

    /// `contact: the school office`, or a mapping of `role`, `email`, `phone` and
    /// `complaints-policy` (each optional; the role is then the organisation's name).
    private static func contactDetails(in root: Node.Mapping, organisation: String, reader: inout YAMLReader) -> SiteConfiguration.Contact {
        let form = "a role, such as 'the school office', or indented 'role:', 'email:', 'phone:' and 'complaints-policy:' lines"
        guard let node = reader.value("contact", in: root), case .mapping(let mapping) = node else {
            return SiteConfiguration.Contact(role: reader.string("contact", in: root, required: true, expected: form) ?? "")
        }
        reader.warnAboutUnknownKeys(in: mapping, known: contactKeys, what: "'contact'")
        var contact = SiteConfiguration.Contact(role: reader.string("role", in: mapping) ?? organisation)
        if let email = reader.string("email", in: mapping, expected: "an e-mail address") {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: { $0.isWhitespace || "<>\"(),;:".contains($0) }) {
                contact.email = email
            } else {
                reader.bag.append(.error(at: reader.location(reader.value("email", in: mapping)), "'email' is '\(email)', which is not an e-mail address",
                                         expected: "an address such as office@your-school.sch.uk"))
            }
        }
        if let phone = reader.string("phone", in: mapping, expected: "a telephone number") {
            if phone.allSatisfy({ $0.isASCIIDigit || " +()-".contains($0) }), phone.filter(\.isASCIIDigit).count >= 6 {
                contact.phone = phone
            } else {
                reader.bag.append(.error(at: reader.location(reader.value("phone", in: mapping)), "'phone' is '\(phone)', which is not a telephone number",
                                         expected: "digits, spaces and '+', such as 01234 567890"))
            }
        }
        if let text = reader.string("complaints-policy", in: mapping), text.hasPrefix("https://") || text.hasPrefix("http://") {
            contact.complaintsURL = text
        } else {
            contact.complaintsPolicy = policyReference("complaints-policy", in: mapping, reader: &reader)
        }
        return contact
    }

    /// A policy named by its slug (checked against the policies once they are read).
    private static func policyReference(_ key: String, in mapping: Node.Mapping, reader: inout YAMLReader) -> SiteConfiguration.PolicyReference? {
        guard let slug = reader.string(key, in: mapping, expected: "a policy's file name without .md, such as twitter-policy") else { return nil }
        let location = reader.location(reader.value(key, in: mapping))
        let trimmed = slug.hasSuffix(".md") ? String(slug.dropLast(3)) : slug
        return SiteConfiguration.PolicyReference(slug: trimmed, location: location)
    }

    private static func section(_ key: String, of root: Node.Mapping, keys: [String], reader: inout YAMLReader) -> Node.Mapping? {
        guard let node = reader.value(key, in: root) else { return nil }
        guard case .mapping(let mapping) = node else {
            reader.bag.append(.error(at: reader.location(node), "'\(key)' must be a mapping", expected: "indented lines: \(keys.map { "'\($0): …'" }.joined(separator: ", "))"))
            return nil
        }
        reader.warnAboutUnknownKeys(in: mapping, known: keys, what: "'\(key)'")
        return mapping
    }

    private static func terms(_ key: String, in root: Node.Mapping, reader: inout YAMLReader) -> [SiteConfiguration.Term] {
        let form = "a list of '- key: …' with 'label: …' (and optionally 'description: …')"
        var seen = Set<String>()
        return reader.mappings(key, in: root, form: form).compactMap { entry in
            reader.warnAboutUnknownKeys(in: entry, known: termKeys, what: "'\(key)'")
            guard let termKey = reader.string("key", in: entry, required: true, expected: "lower-case letters, digits and '-'"),
                  let label = reader.string("label", in: entry, required: true, expected: "a short label") else { return nil }
            let node = reader.value("key", in: entry)
            guard termKey.allSatisfy({ ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }) else {
                reader.bag.append(.error(at: reader.location(node), "the key '\(termKey)' in '\(key)' has characters other than a-z, 0-9 and '-'", expected: "a key such as 'offensive-language'"))
                return nil
            }
            guard seen.insert(termKey).inserted else {
                reader.bag.append(.error(at: reader.location(node), "the key '\(termKey)' appears twice in '\(key)'", expected: "each key once"))
                return nil
            }
            return SiteConfiguration.Term(key: termKey, label: label, description: reader.string("description", in: entry))
        }
    }
}
