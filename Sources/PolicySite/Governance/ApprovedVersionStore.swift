import Foundation

/// Reads and writes the approved versions of a content directory (`approved/SLUG/DATE.md`).
public struct ApprovedVersionStore: Sendable {
    var io: FileIO
    public var contentDirectory: String

    public init(contentDirectory: String, io: FileIO = .disk) {
        self.contentDirectory = contentDirectory
        self.io = io
    }

    /// Every recorded version of `slug`, oldest first; an empty list when none is recorded.
    func versions(of slug: String) throws -> [ApprovedVersion] {
        let directory = ApprovedVersion.directory(contentDirectory: contentDirectory, slug: slug)
        guard io.isDirectory(directory) else { return [] }
        var bag = DiagnosticBag()
        var versions: [ApprovedVersion] = []
        for name in try io.list(directory) where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            if let version = bag.collect(at: SourceLocation(file: path), {
                try Self.parse(try TextDecoder.decode(try io.read(path, inside: contentDirectory, folderName: "content"), file: path), slug: slug, file: path)
            }) {
                versions.append(version)
            }
        }
        try bag.throwIfErrors()
        return versions.sorted { $0.approved < $1.approved }
    }

    /// The versions of every policy of `policies` that has any, by slug.
    func versions(of policies: [PolicyDocument], into bag: inout DiagnosticBag) -> [String: [ApprovedVersion]] {
        var all: [String: [ApprovedVersion]] = [:]
        for policy in policies {
            if let versions = bag.collect(at: SourceLocation(file: ApprovedVersion.directory(contentDirectory: contentDirectory, slug: policy.slug)),
                                          { try self.versions(of: policy.slug) }), !versions.isEmpty {
                all[policy.slug] = versions
            }
        }
        return all
    }

    /// Reads one version file; its name must be its `approved` date.
    public static func parse(_ text: String, slug: String, file: String) throws -> ApprovedVersion {
        let split = try FrontMatter.split(text, file: file)
        let form = "front matter with 'policy: \(slug)', 'title:' and 'approved: 2026-11', as 'policysite review' writes it"
        guard let yaml = split.yaml else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "this approved version has no front matter", expected: form))
        }
        var reader = YAMLReader(file: file, lineOffset: split.yamlLineOffset)
        guard let root = reader.parseMapping(yaml, valuesReadAsText: true) else { throw PolicySiteError(reader.bag.diagnostics) }
        reader.warnAboutUnknownKeys(in: root, known: ["policy", "title", "approved", "recorded"], what: "an approved version")
        let policy = reader.string("policy", in: root, required: true, expected: "the policy's slug, '\(slug)'")
        let title = reader.string("title", in: root, required: true, expected: "the policy's title")
        let approved = reader.reviewDate("approved", in: root, required: true)
        var recorded: CalendarDay?
        if let text = reader.string("recorded", in: root, expected: "a day such as 2026-11-24") {
            recorded = CalendarDay(iso: text).flatMap { ReviewDate.supportedYears.contains($0.year) ? $0 : nil }
            if recorded == nil {
                reader.bag.append(.error(at: reader.location(reader.value("recorded", in: root)), "'recorded' is '\(text)', which is not a day",
                                         expected: "a day such as 2026-11-24, in a year \(ReviewDate.supportedYearsText)"))
            }
        }
        if let policy, policy != slug {
            reader.bag.append(.error(at: reader.location(reader.value("policy", in: root)), "this version is of '\(policy)' but is kept in the folder of '\(slug)'",
                                     expected: "'policy: \(slug)', or the file moved to \(ApprovedVersion.folderName)/\(policy)/"))
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let approved, name != approved.description {
            reader.bag.append(.error(at: reader.location(reader.value("approved", in: root)), "'approved' is \(approved) but the file is named \(name).md",
                                     expected: "the file named after its review, \(approved).md"))
        }
        try reader.bag.throwIfErrors()
        // YAMLReader reports each required value it cannot read, so this only guards a gap in that.
        guard let title, let approved else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "this approved version has no readable 'title' or 'approved'",
                                         expected: "front matter with 'title:' and 'approved:' between '---' lines"))
        }
        return ApprovedVersion(slug: slug, title: title, approved: approved, recorded: recorded, markdown: split.body, sourcePath: file,
                               bodyFirstLine: split.bodyFirstLine)
    }

    /// Writes `version` as a new file (never over an existing one), its folder made if needed;
    /// the file is written beside its place and renamed, so it is never seen half-written.
    public func write(_ version: ApprovedVersion) throws {
        let path = ApprovedVersion.path(contentDirectory: contentDirectory, slug: version.slug, approved: version.approved)
        let at = SourceLocation(file: path)
        guard !io.exists(path) else {
            throw PolicySiteError(.error(at: at, "an approved version of \(version.approved.spelledOut) is already recorded",
                                         expected: "a review date after it"))
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = (path as NSString).deletingLastPathComponent + "/.\(version.approved).md.policysite-\(UUID().uuidString)"
            defer { unlink(temporary) }
            try Data(version.fileText.utf8).write(to: URL(fileURLWithPath: temporary))
            // link(2) refuses an existing name, where rename(2) would replace it.
            guard link(temporary, path) == 0 else {
                throw PolicySiteError(.error(at: at, "could not write the approved version: \(String(cString: strerror(errno)))",
                                             expected: "a content folder you may write to"))
            }
        } catch let error as PolicySiteError {
            throw error
        } catch {
            throw PolicySiteError(.error(at: at, "could not write the approved version: \(error.localizedDescription)",
                                         expected: "a content folder you may write to"))
        }
    }

    /// Records `policyText` (a policy file's text) as the first approved version of `slug`,
    /// approved at its `last-updated` date, unless some version of it is recorded already.
    /// `init`, `new policy` and `import` call this after writing a new policy; it returns the
    /// path written, or nil when a version existed.
    @discardableResult
    public func recordFirstApprovedVersion(policyText: String, slug: String, policyFile: String, today: CalendarDay?) throws -> String? {
        let (document, _) = try PolicyParser.parse(policyText, slug: slug, file: policyFile)
        guard try versions(of: slug).isEmpty else { return nil }
        let version = ApprovedVersion(slug: slug, title: document.title, approved: document.lastUpdated, recorded: today,
                                      markdown: document.markdown, sourcePath: "")
        try write(version)
        return ApprovedVersion.path(contentDirectory: contentDirectory, slug: slug, approved: version.approved)
    }
}

extension ApprovedVersionStore {
    /// A warning for each policy whose text differs from its last approved version, at the
    /// policy's first body line, so that `check`, `build` and `status` all say so.
    static func editWarnings(_ policies: [PolicyDocument], _ approved: [String: [ApprovedVersion]]) -> [Diagnostic] {
        policies.compactMap { policy in
            guard let last = approved[policy.slug]?.last, !last.matches(policy) else { return nil }
            return .warning(at: SourceLocation(file: policy.sourcePath, line: policy.bodyFirstLine),
                            "the text was changed after its last approval (\(last.approved.spelledOut), kept in \(last.sourcePath)); the site tells readers so",
                            expected: "'policysite review \(policy.slug) --reviewed \"MONTH YEAR\"' once the governors approve the change, or the approved text put back")
        }
    }
}
