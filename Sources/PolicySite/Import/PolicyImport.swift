import Foundation

/// `policysite import`: converts every file given, in parallel, and writes all of them or
/// none. Any file refused, two files giving the same page, or a policy that already exists
/// (without `force`) refuses the whole run before anything is written.
public struct PolicyImport: Sendable {
    public var importer: PolicyImporter
    /// The content directory: policies go to `policies/SLUG.md` below it.
    public var contentDirectory: String
    /// The templates directory: pictures go to `assets/SLUG/` below it.
    public var templatesDirectory: String
    public var force: Bool

    public init(importer: PolicyImporter, contentDirectory: String, templatesDirectory: String, force: Bool) {
        self.importer = importer
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.force = force
    }

    /// What a run wrote, in the order the files were given.
    public struct Result: Sendable {
        public var policies: [(policy: ImportedPolicy, path: String, replaced: Bool)]
        /// The notes, as warnings at the policy's line or the source file's.
        public var warnings: [Diagnostic]
    }

    /// Converts `files` and writes them; throws every problem at once, having written nothing.
    public func run(_ files: [String]) throws -> Result {
        let converted = files.parallelMap { [importer] path in
            (path, Swift.Result { () throws(PolicyImporter.Failure) -> ImportedPolicy in
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw .refused(reason: "the file cannot be read (\(Self.reason(error)))", expected: "a file that exists and that you may read")
                }
                return try importer.convert(path: path, data: data)
            })
        }
        var bag = DiagnosticBag()
        var policies: [ImportedPolicy] = []
        for (path, result) in converted {
            switch result {
            case .success(let policy): policies.append(policy)
            case .failure(.pandocMissing): break
            case .failure(.refused(let reason, let expected)): bag.append(.error(at: SourceLocation(file: path), reason, expected: expected))
            }
        }
        if converted.contains(where: { if case .failure(.pandocMissing) = $0.1 { return true } else { return false } }) {
            throw PandocMissing()
        }
        let plan = self.plan(policies, into: &bag)
        try bag.throwIfErrors()
        try ImportWriter.write(plan.files)
        return Result(policies: plan.written, warnings: warnings(for: plan.written))
    }

    /// Thrown when a Word document is given and pandoc is not installed.
    public struct PandocMissing: Error, LocalizedError {
        public var errorDescription: String? { Pandoc.installHint }
    }

    // MARK: - Planning

    struct Plan {
        var files: [ImportWriter.File] = []
        var written: [(policy: ImportedPolicy, path: String, replaced: Bool)] = []
    }

    private func plan(_ policies: [ImportedPolicy], into bag: inout DiagnosticBag) -> Plan {
        var plan = Plan()
        let folder = (contentDirectory as NSString).appendingPathComponent("policies")
        var sources: [String: String] = [:]
        for policy in policies {
            let path = (folder as NSString).appendingPathComponent("\(policy.slug).md")
            if let other = sources[policy.slug] {
                bag.append(.error(at: SourceLocation(file: policy.source), "it gives the same page as '\(other)' (\(path)): both are titled '\(policy.title)'",
                                  expected: "one file per policy; import them separately, or give one a different title"))
                continue
            }
            sources[policy.slug] = policy.source
            let exists = FileManager.default.fileExists(atPath: path)
            if exists, !force {
                bag.append(.error(at: SourceLocation(file: path), "a policy called '\(policy.slug)' already exists (from '\(policy.source)'); it was left as it is",
                                  expected: "--force to replace it with the imported one"))
                continue
            }
            plan.files.append(ImportWriter.File(path: path, data: Data(policy.text.utf8)))
            for asset in policy.assets {
                let assetPath = (templatesDirectory as NSString).appendingPathComponent(asset.path)
                if FileManager.default.fileExists(atPath: assetPath), !force {
                    bag.append(.error(at: SourceLocation(file: assetPath), "a file of the same name already exists; it was left as it is",
                                      expected: "--force to replace it with the picture from '\(policy.source)'"))
                }
                plan.files.append(ImportWriter.File(path: assetPath, data: asset.data))
            }
            plan.written.append((policy, path, exists))
        }
        return plan
    }

    private func warnings(for written: [(policy: ImportedPolicy, path: String, replaced: Bool)]) -> [Diagnostic] {
        written.flatMap { policy, path, _ in
            policy.notes.map { note in
                let location = note.line.map { SourceLocation(file: path, line: $0) } ?? SourceLocation(file: policy.source)
                return .warning(at: location, note.message, expected: note.expected)
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
