import Foundation

/// The load stage: reads `site.yml` and `policies/*.md` from a content directory and
/// reports every problem in them at once.
public struct ContentLoader: Sendable {
    var io: FileIO
    /// Parsed policies kept from the last rebuild (the preview server's); nil parses every file.
    var parseCache: PolicyParseCache?
    var parallelism: Parallelism

    public init(io: FileIO = .disk, parseCache: PolicyParseCache? = nil, parallelism: Parallelism = .allCores) {
        self.io = io
        self.parseCache = parseCache
        self.parallelism = parallelism
    }

    public func load(from directory: String) throws -> SiteContent {
        var bag = DiagnosticBag()
        let configurationPath = (directory as NSString).appendingPathComponent("site.yml")
        let loaded = bag.collect(at: SourceLocation(file: configurationPath)) { () throws -> (SiteConfiguration, [Diagnostic]) in
            guard io.exists(configurationPath) else {
                throw PolicySiteError(.error(at: SourceLocation(file: configurationPath), "there is no site.yml in the content directory '\(directory)'",
                                             expected: "a content directory made by 'policysite init', or --content pointing at one"))
            }
            let text = try TextDecoder.decode(try io.read(configurationPath, inside: directory, folderName: "content"), file: configurationPath)
            return try SiteConfigurationParser.parse(text, file: configurationPath)
        }
        bag.append(contentsOf: loaded?.1 ?? [])
        let policies = loadPolicies(from: (directory as NSString).appendingPathComponent("policies"), contentDirectory: directory, into: &bag)
        let approved = ApprovedVersionStore(contentDirectory: directory, io: io).versions(of: policies, into: &bag)
        bag.append(contentsOf: ApprovedVersionStore.editWarnings(policies, approved))
        if let configuration = loaded?.0, !bag.hasErrors {
            bag.append(contentsOf: PolicyReferenceCheck.warnings(in: configuration, slugs: policies.map(\.slug)))
        }
        try bag.throwIfErrors()
        // `collect` records an error whenever it gives nil, so this holds after the line above.
        guard let configuration = loaded?.0 else { throw PolicySiteError(bag.diagnostics) }
        return SiteContent(configuration: configuration, policies: policies, warnings: bag.warnings, approvedVersions: approved)
    }

    private func loadPolicies(from directory: String, contentDirectory: String, into bag: inout DiagnosticBag) -> [PolicyDocument] {
        let at = SourceLocation(file: directory)
        guard io.isDirectory(directory) else {
            bag.append(.error(at: at, "there is no policies directory", expected: "a folder 'policies' holding one .md file per policy"))
            return []
        }
        guard bag.collect(at: at, { try io.checkInside(directory, folder: contentDirectory, folderName: "content") }) != nil,
              let names = bag.collect(at: at, { try io.list(directory) }) else { return [] }
        // Hidden files are housekeeping, not policies: an editor's lock file (Emacs' `.#name.md`,
        // a link to nowhere) must not break every build.
        let files = names.filter { $0.hasSuffix(".md") && !PolicyFolderAudit.isHousekeeping($0) }.sorted()
        bag.append(contentsOf: PolicyFolderAudit.warnings(for: names, in: directory, contentDirectory: contentDirectory, isDirectory: io.isDirectory))
        if files.isEmpty {
            bag.append(.error(at: at, "the policies directory holds no .md files", expected: "at least one policy, e.g. from 'policysite new policy \"Title\"'"))
        }
        // Read and parsed in parallel (YAML and decoding were a serial sixth of a 1,000-policy
        // build); problems are then collected in file order, as before.
        parseCache?.beginBuild()
        let results = files.parallelMap(parallelism) { [io, parseCache] name in
            let path = (directory as NSString).appendingPathComponent(name)
            return (path, Result {
                let data = try io.read(path, inside: contentDirectory, folderName: "content")
                let parse = { try ContentLoader.parsePolicy(data, name: name, file: path) }
                guard let parseCache else { return try parse() }
                return try parseCache.value(for: path, keptIf: { $0.bytes == data }) { (data, try parse()) }.parsed
            })
        }
        var policies: [PolicyDocument] = []
        for (path, result) in results {
            let parsed = bag.collect(at: SourceLocation(file: path)) { try result.get() }
            guard let (document, warnings) = parsed else { continue }
            bag.append(contentsOf: warnings)
            policies.append(document)
        }
        return policies
    }

    /// One policy file, refused before cmark-gfm sees it when it is over a limit (too slow to render).
    static func parsePolicy(_ data: Data, name: String, file: String, limits: MarkdownLimits = MarkdownLimits()) throws -> (PolicyDocument, [Diagnostic]) {
        if let tooLarge = limits.checkSize(of: data, file: file) { throw PolicySiteError(tooLarge) }
        let parsed = try PolicyParser.parse(try TextDecoder.decode(data, file: file), slug: String(name.dropLast(3)), file: file)
        let overLimits = limits.check(parsed.0.markdown, file: file, firstLine: parsed.0.bodyFirstLine)
        if !overLimits.isEmpty { throw PolicySiteError(overLimits) }
        return parsed
    }
}

/// Parsed policies, keyed by path and kept only while the file holds the same bytes (never
/// judged by modification time).
public typealias PolicyParseCache = RebuildCache<String, (bytes: Data, parsed: (PolicyDocument, [Diagnostic]))>
