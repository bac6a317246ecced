import Testing
@testable import PolicySite

/// Passing over template lines on bytes changes no message about a partial or parent that
/// does not exist: the byte scan and the line-by-line Foundation reading agree on texts chosen
/// where bytes and Characters could part.
@Suite struct TemplateReferenceScanTests {
    static let known: Set<String> = ["layout", "policy", "partials/banner"]

    @Test("the byte scan gives the same messages as reading every line", arguments: [
        "",
        "{{<layout}}\n{{$main}}<p>{{title}}</p>{{/main}}\n{{/layout}}\n",
        "{{>partials/baner}}\n",                          // a misspelt partial
        "<p>{{ > \tpartials/banner }}</p> {{> nothing}}\n", // spaces and tabs around the name, two tags on a line
        "<p>“quoted” {{>partials/missing}}</p>\n",        // a line outside ASCII
        "é\n\n  {{< layot}}",                             // the line number after a line outside ASCII; no final newline
        "{{>partials/missing}}\r\n{{> other}}\r\n",       // CRLF: lines split as Characters
        "{{> split\n}}\n",                                // a tag across two lines is not read
        "{{{bodyHTML}}} {{>policy}}{{! {{>nothing}} }}\n",
        "{{>partials/banner}}\u{0301}\n{{>x}}",           // a combining mark after a tag
    ])
    func sameMessages(text: String) {
        let scanned = TemplateSet.missingReferencesScanningBytes(in: text, file: "t.mustache", known: Self.known)
        let read = TemplateSet.missingReferences(in: text, file: "t.mustache", known: Self.known)
        #expect(scanned.map(\.description) == read.map(\.description))
    }

    @Test func aMisspeltPartialIsNamedAtItsLineAndColumn() {
        let found = TemplateSet.missingReferencesScanningBytes(in: "<main>\n  <p>{{>partials/baner}}</p>\n", file: "t.mustache", known: Self.known)
        #expect(found.map(\.description) == [
            "t.mustache:2:6: error: the template 'partials/baner' does not exist, expected the name of a template in the theme, such as 'partials/banner'",
        ])
    }
}
