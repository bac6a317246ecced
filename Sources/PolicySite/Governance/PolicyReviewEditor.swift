import Foundation
import Yams

/// `policysite review`: records a policy's annual review in its front matter.
///
/// Only the lines that must change are touched: the value of `last-updated`, the value of
/// `next-review`, and a new entry at the end of `history` (with `history:` added before the
/// closing `---` when the policy has none). Everything else — the body, other keys, their
/// order, quoting and comments, a byte-order mark, and LF or CRLF line endings — is kept
/// byte for byte. A new date is written in the form the old one was (`2017-09`,
/// `Sep 2017` or `September 2017`).
///
/// A policy in the seed's plain layout (no front matter) is refused with the front matter
/// to add, rather than rewritten: converting it would change its body.
public struct PolicyReviewEditor: Sendable {
    /// What `policysite review` was asked to record.
    public struct Request: Sendable, Hashable {
        public var slug: String
        public var reviewed: ReviewDate
        /// Nil for the default: `reviewed` plus the review cycle of site.yml.
        public var next: ReviewDate?
        public var note: String?
        /// Today (read once from the clock by the command): a review dated after it is refused
        /// unless `allowFuture`. Nil checks nothing.
        public var today: CalendarDay?
        public var allowFuture: Bool

        /// `policy` is the slug, or the policy's file name or path (`twitter-policy.md`,
        /// `content/policies/twitter-policy.md`), as people type it.
        public init(slug policy: String, reviewed: ReviewDate, next: ReviewDate? = nil, note: String? = nil,
                    today: CalendarDay? = nil, allowFuture: Bool = false) {
            self.slug = Self.slug(from: policy)
            self.reviewed = reviewed
            self.next = next
            self.note = note
            self.today = today
            self.allowFuture = allowFuture
        }

        /// `twitter-policy` from `twitter-policy`, `twitter-policy.md` or `content/policies/twitter-policy.md`.
        public static func slug(from policy: String) -> String {
            let name = (policy as NSString).lastPathComponent
            return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        }
    }

    /// What was written.
    public struct Outcome: Sendable, Hashable {
        public var path: String
        public var lastUpdated: ReviewDate
        public var nextReview: ReviewDate
        /// The edited file.
        public var contents: Data
        /// The approved version written, or nil when the text is the one last approved.
        public var approvedVersionPath: String? = nil
    }

    var io: FileIO
    /// Replaces a file's contents in one step; by default a temporary file beside it, then a rename.
    var replace: @Sendable (Data, String) throws -> Void

    public init(io: FileIO = .disk, replace: @escaping @Sendable (Data, String) throws -> Void = PolicyReviewEditor.replaceAtomically) {
        self.io = io
        self.replace = replace
    }

    /// Reads `site.yml` (for the review cycle) and the policy, edits it, and writes it back.
    /// On any refusal the file is left exactly as it was.
    @discardableResult
    public func review(_ request: Request, contentDirectory: String) throws -> Outcome {
        let configurationPath = (contentDirectory as NSString).appendingPathComponent("site.yml")
        guard io.exists(configurationPath) else {
            throw PolicySiteError(.error(at: SourceLocation(file: configurationPath), "there is no site.yml in the content directory '\(contentDirectory)'",
                                         expected: "a content directory made by 'policysite init', or --content pointing at one"))
        }
        let (configuration, _) = try SiteConfigurationParser.parse(try TextDecoder.decode(try io.read(configurationPath), file: configurationPath),
                                                                   file: configurationPath)
        let policies = (contentDirectory as NSString).appendingPathComponent("policies")
        let path = (policies as NSString).appendingPathComponent("\(request.slug).md")
        guard PolicyParser.isValidSlug(request.slug), io.exists(path) else {
            let known = ((try? io.list(policies)) ?? []).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
            throw PolicySiteError(.error(at: SourceLocation(file: path), "there is no policy '\(request.slug)'",
                                         expected: known.isEmpty ? "a policy file in \(policies)" : "one of \(known.joined(separator: ", "))"))
        }
        var outcome = try Self.edit(try io.read(path), file: path, request: request, cycleMonths: configuration.reviewCycleMonths)
        // The approved text: recorded unless it is the one last approved. It is written first and
        // taken back if the policy cannot be written, so the two never disagree.
        let store = ApprovedVersionStore(contentDirectory: contentDirectory, io: io)
        let (document, _) = try PolicyParser.parse(try TextDecoder.decode(outcome.contents, file: path), slug: request.slug, file: path)
        let versions = try store.versions(of: request.slug)
        if versions.last.map({ !$0.matches(document) }) ?? true {
            try store.write(ApprovedVersion(slug: request.slug, title: document.title, approved: request.reviewed, recorded: request.today,
                                            markdown: document.markdown, sourcePath: ""))
            outcome.approvedVersionPath = ApprovedVersion.path(contentDirectory: contentDirectory, slug: request.slug, approved: request.reviewed)
        }
        do {
            try replace(outcome.contents, path)
        } catch {
            if let written = outcome.approvedVersionPath { unlink(written) }
            throw error
        }
        return outcome
    }

    /// The edit itself, on bytes: no files are read or written.
    public static func edit(_ data: Data, file: String, request: Request, cycleMonths: Int) throws -> Outcome {
        let text = try TextDecoder.decode(data, file: file)
        let split = try FrontMatter.split(text, file: file)
        let (document, _) = try PolicyParser.parse(text, slug: request.slug, file: file)
        guard let yaml = split.yaml else {
            throw PolicySiteError(.error(
                at: SourceLocation(file: file), "this policy has no front matter, where a review is recorded",
                expected: "front matter at the top of the file, replacing its 'Last Updated:' and 'Next Review Due:' lines: "
                    + "'---', 'title: \(document.title)', 'last-updated: \(document.lastUpdated)', 'next-review: \(document.nextReview)', '---'"))
        }
        guard case .mapping(let root)? = try Yams.compose(yaml: yaml) else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the front matter is not a list of 'key: value' lines", expected: "lines such as 'title: Twitter Policy'"))
        }
        var editor = FrontMatterLineEditor(data: data, file: file, lineOffset: split.yamlLineOffset, closingFence: split.bodyFirstLine - 2)
        func node(_ key: String) -> Node? { root.first { $0.key.string == key }?.value }
        guard let lastUpdatedNode = node("last-updated"), let nextReviewNode = node("next-review") else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the front matter has no 'last-updated:' or no 'next-review:' line to change",
                                         expected: "front matter with both, such as 'last-updated: 2025-09' and 'next-review: 2026-09'"))
        }
        let next = request.next ?? request.reviewed.adding(months: cycleMonths)

        var bag = DiagnosticBag()
        if let today = request.today, !request.allowFuture, request.reviewed.firstDay > today {
            bag.append(.error(at: editor.location(lastUpdatedNode),
                              "--reviewed \(request.reviewed.spelledOut) is after today (\(today.day) \(today.calendarMonth.spelledOut))",
                              expected: "the date the governors reviewed it, or --allow-future to record a review planned ahead"))
        }
        if !ReviewDate.supportedYears.contains(next.calendarMonth.year) {
            bag.append(.error(at: editor.location(nextReviewNode), "the next review, \(next.spelledOut), is outside the years this tool supports",
                              expected: "a next review date in a year \(ReviewDate.supportedYearsText)"))
        }
        if request.reviewed.lastDay < document.lastUpdated.firstDay {
            bag.append(.error(at: editor.location(lastUpdatedNode),
                              "--reviewed \(request.reviewed) is before 'last-updated' (\(document.lastUpdated.spelledOut)); dates may not move backwards",
                              expected: "a review date \(document.lastUpdated.withPreposition) or later"))
        }
        if let last = document.history.last, !bag.hasErrors, request.reviewed.firstDay <= last.reviewed.lastDay {
            let lastReviewed = { () -> Node? in
                guard case .sequence(let items)? = node("history") else { return nil }
                return items.compactMap { $0.mapping?.first { $0.key.string == "reviewed" }?.value }
                    .last { $0.string.flatMap(ReviewDate.init(parsing:)) == last.reviewed }
            }()
            bag.append(.error(at: editor.location(lastReviewed ?? node("history")),
                              "--reviewed \(request.reviewed) is not after the last review in 'history' (\(last.reviewed.spelledOut))",
                              expected: "a review date after \(last.reviewed.spelledOut)"))
        }
        // A default --next follows from --reviewed: when that is refused, one message is enough.
        if request.next == nil, bag.hasErrors {
        } else if next.firstDay <= request.reviewed.lastDay {
            bag.append(.error(at: editor.location(nextReviewNode), "--next \(next) is not after --reviewed \(request.reviewed)",
                              expected: "a next review date after \(request.reviewed.spelledOut), such as \(request.reviewed.adding(months: cycleMonths))"))
        } else if next.lastDay < document.nextReview.firstDay {
            bag.append(.error(at: editor.location(nextReviewNode),
                              "--next \(next) is before 'next-review' (\(document.nextReview.spelledOut)); dates may not move backwards",
                              expected: "a next review date \(document.nextReview.withPreposition) or later (edit the file by hand to bring a review forward)"))
        }
        try bag.throwIfErrors()

        try editor.replaceValue(of: lastUpdatedNode, key: "last-updated", with: request.reviewed)
        try editor.replaceValue(of: nextReviewNode, key: "next-review", with: next)
        // The first review keeps the earlier 'last-updated' in the history, where it would otherwise be lost.
        var added = [PolicyDocument.Review(reviewed: request.reviewed, note: request.note)]
        if document.lastUpdated < request.reviewed, !document.history.contains(where: { $0.reviewed >= document.lastUpdated }) {
            added.insert(PolicyDocument.Review(reviewed: document.lastUpdated, note: "Last updated."), at: 0)
        }
        try editor.appendHistory(added, to: node("history"),
                                 historyKey: root.first { $0.key.string == "history" }?.key, lastUpdatedForm: lastUpdatedNode.string ?? "")
        let contents = editor.contents

        // The edit must read back as exactly what was asked for; anything else is a bug, refused before writing.
        let (edited, _) = try PolicyParser.parse(try TextDecoder.decode(contents, file: file), slug: request.slug, file: file)
        let expectedHistory = document.history + added
        guard edited.lastUpdated == request.reviewed, edited.nextReview == next, edited.history == expectedHistory,
              edited.markdown == document.markdown, edited.title == document.title else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the review could not be recorded without changing other parts of the file",
                                         expected: "'last-updated', 'next-review' and 'history' written as simple one-line values"))
        }
        return Outcome(path: file, lastUpdated: request.reviewed, nextReview: next, contents: contents)
    }

    /// Writes `data` to a temporary file beside `path`, with the same permissions, then renames it over `path`.
    /// When `path` is a symbolic link, the file it points to is the one replaced: the link stays a link.
    public static let replaceAtomically: @Sendable (Data, String) throws -> Void = { data, linkOrFile in
        guard let resolved = realpath(linkOrFile, nil) else {
            throw PolicySiteError(.error(at: SourceLocation(file: linkOrFile), "could not find the file: \(String(cString: strerror(errno)))",
                                         expected: "a policy file, or a link to one, that exists"))
        }
        let path = String(cString: resolved)
        free(resolved)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).policysite-\(UUID().uuidString)")
        do {
            try data.write(to: temporary)
            if let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw PolicySiteError(.error(at: SourceLocation(file: path), "could not replace the file: \(String(cString: strerror(errno)))",
                                             expected: "a policy file the command may write"))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
