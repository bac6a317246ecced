import Foundation
import Mustache
import Testing
@testable import PolicySite

/// The view models answer template lookups with a generated switch instead of swift-mustache's
/// `Mirror` (for speed); each must answer every field exactly as `Mirror` would, and nothing else.
@Suite struct ViewModelLookupTests {
    @Test func everyViewModelAnswersEachFieldAsMirrorWould() throws {
        let asOf = CalendarDay(iso: "2026-11-24")!
        let contentDirectory = repositoryRoot.appendingPathComponent("content").path
        let content = try ContentLoader().load(from: contentDirectory)
        let statistics = try #require(try ModerationLogLoader().load(configuration: content.configuration, contentDirectory: contentDirectory, asOf: asOf))
        let site = Site(content: content, asOf: asOf, moderation: statistics)
        let renderer = PageRenderer(templates: try TemplateSet.load(from: []))
        let page = renderer.context(site, title: "t", description: "d", root: "")
        let policies = try site.policies.map { PolicyPageView(policy: $0, rendered: try MarkdownRenderer().render($0.document.markdown), page: page) }
        let views: [any MustacheParent] = [
            IndexPageView(policies: policies, page: page),
            GovernorsPageView(report: StatusReport(site: site), dueSoonMonths: 3, page: page),
            TransparencyPageView(report: try #require(site.report), page: page),
        ]
        var checked = Set<String>()
        for view in views { expectSameAsMirror(view, path: "\(type(of: view))", checked: &checked) }
        // Every view model type was reached, so none is left answering through Mirror unchecked.
        #expect(checked.isSuperset(of: ["PageContext", "PolicyPageView", "ContentsEntry", "HistoryEntry", "IndexPageView", "GovernorsPageView",
                                        "Row", "ReviewStatusView", "TransparencyPageView", "Figure", "Headline", "TableRow", "Table", "Definition"]))
    }

    func expectSameAsMirror(_ value: any MustacheParent, path: String, checked: inout Set<String>) {
        checked.insert("\(type(of: value))")
        #expect(value.child(named: "noSuchKey") == nil, "\(path) answers a key it does not have")
        // Every stored property has a generated case (a nil optional answers nil either way,
        // so compare the names, not only the answers).
        let labels = Mirror(reflecting: value).children.compactMap(\.label)
        #expect(templateKeys(of: value) == labels, "\(path): the generated lookup misses or adds a field")
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let expected = unwrapped(child.value)
            let actual = value.child(named: label)
            #expect(expected.map { "\($0)" } == actual.map { "\($0)" }, "\(path).\(label)")
            for (index, element) in ((actual as? [Any]) ?? [actual as Any]).enumerated() {
                if let nested = element as? any MustacheParent, !(nested is [String: Any]) {
                    expectSameAsMirror(nested, path: "\(path).\(label)[\(index)]", checked: &checked)
                }
            }
        }
    }

    func templateKeys(of value: any MustacheParent) -> [String]? {
        (type(of: value) as? any GeneratedLookup.Type)?.templateKeys
    }

    /// What swift-mustache's Mirror lookup returns: the value, or the value an Optional holds.
    func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
