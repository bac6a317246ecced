import Foundation
import Testing
@testable import PolicySite

/// Each limit refuses the slow shape of input issue 18 found, at the line and column where the
/// text goes over, and lets a policy at the limit through.
@Suite struct MarkdownLimitsTests {
    let limits = MarkdownLimits()

    func messages(_ markdown: String) -> [String] {
        limits.check(markdown, file: "policies/x.md", firstLine: 8).map(\.description)
    }

    @Test func aPolicyOver512KiBIsRefusedWhereItGoesOver() {
        let line = String(repeating: "word ", count: 199) + "end.\n"   // 1,000 bytes
        let atLimit = Data(String(repeating: line, count: 524).utf8) + Data(repeating: 0x61, count: 288)
        #expect(atLimit.count == 1 << 19)
        #expect(limits.checkSize(of: atLimit, file: "policies/x.md") == nil)
        let over = atLimit + Data("é".utf8)
        #expect(limits.checkSize(of: over, file: "policies/x.md")?.description ==
            "policies/x.md:525:289: error: the policy is 524,290 bytes, over the limit of 524,288 bytes (512 KiB), expected a policy under 512 KiB: split a longer one into several policies")
    }

    @Test func aFiftyMegabytePolicyIsRefusedByTheLoaderBeforeItIsParsed() throws {
        let data = Data(repeating: 0x61, count: 50_000_000)
        #expect(throws: PolicySiteError.self) { try ContentLoader.parsePolicy(data, name: "big.md", file: "policies/big.md") }
    }

    @Test func blockQuotesNestedDeeperThanThirtyTwoAreRefused() {
        #expect(messages(String(repeating: "> ", count: 32) + "deep enough\n").isEmpty)
        #expect(messages(String(repeating: "> ", count: 50_000) + "a\n" + String(repeating: "a\n", count: 10)) == [
            "policies/x.md:8:1: error: block quotes and lists nested 50000 deep, over the limit of 32, expected at most 32 levels of '>' and list items inside each other",
        ])
    }

    @Test func listsNestedByIndentationDeeperThanThirtyTwoAreRefused() {
        let list = { (levels: Int) in (0..<levels).map { String(repeating: "  ", count: $0) + "* a\n" }.joined() }
        #expect(messages(list(32)).isEmpty)
        #expect(messages(list(1_000)).first == "policies/x.md:40:65: error: block quotes and lists nested 33 deep, over the limit of 32, expected at most 32 levels of '>' and list items inside each other")
        // Ordinary lists, one after another, never add up.
        #expect(messages(String(repeating: "- one\n  - two\n    - three\n\nText.\n\n1. first\n2. second\n\n", count: 500)).isEmpty)
        // A thematic break of spaced dashes is not a list.
        #expect(messages(String(repeating: "- ", count: 40) + "\n").isEmpty)
    }

    @Test func aTableRowOfMoreThanAHundredCellsIsRefused() {
        let row = { (cells: Int) in "|" + String(repeating: " a |", count: cells) + "\n" }
        let delimiter = { (cells: Int) in "|" + String(repeating: "---|", count: cells) + "\n" }
        #expect(messages(row(100) + delimiter(100) + row(100)).isEmpty)
        #expect(messages(row(4_000) + delimiter(4_000)) == [
            "policies/x.md:8:1: error: a table row of 4,000 cells, over the limit of 100 columns, expected a table of at most 100 columns: split a wider one into several tables",
        ])
        // A body row wider than its table (cmark-gfm's time grows with the square of its cells).
        #expect(messages("| a |\n|---|\n| b |\n" + String(repeating: "|b", count: 10_000) + "\n").first?.hasPrefix("policies/x.md:11:1: error: a table row of 10,000 cells") == true)
    }

    @Test func tablesOfMoreThanTwentyThousandCellsInAllAreRefused() {
        let header = "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n"
        // Rows without a `|` are rows too, and each has the table's eight cells.
        let atLimit = header + String(repeating: "a\n", count: 2_499)
        #expect(messages(atLimit).isEmpty)
        #expect(messages(atLimit + "a\n") == [
            "policies/x.md:2509:1: error: the tables of this policy hold more than 20,000 cells (rows × columns), expected at most 20,000 table cells in one policy: split a very long table over several policies",
        ])
        // The shape from cmark's own pathological tests: a one-column table per three lines.
        #expect(!messages(String(repeating: "aaa\rbbb\n-\u{0B}\n", count: 30_000)).isEmpty)
    }

    @Test func moreThanAHundredImagesInOneParagraphAreRefused() {
        #expect(messages(String(repeating: "![[]()", count: 100)).isEmpty)
        #expect(messages(String(repeating: "![[]()", count: 80_000)) == [
            "policies/x.md:8:601: error: more than 100 images in one paragraph or table cell, expected at most 100 images ('![…](…)') in one paragraph: put a blank line between groups of them",
        ])
        // Over many lines of one paragraph as well.
        #expect(messages(String(repeating: "![[]()\n", count: 101)).first?.hasPrefix("policies/x.md:108:1: error: more than 100 images") == true)
        // A blank line starts a new paragraph, and each cell of a table counts alone.
        #expect(messages(String(repeating: String(repeating: "![a](b) ", count: 60) + "\n\n", count: 20)).isEmpty)
        let table = "| a | b |\n|---|---|\n" + String(repeating: "| ![a](b) | ![c](d) |\n", count: 300)
        #expect(messages(table).isEmpty)
    }

    @Test func tableRowsAfterAnotherBlockCountAsOneParagraph() {
        // A quote ends the table; the lines after it may continue the quote's paragraph.
        let text = "| a | b |\n|---|---|\n> quote\n" + String(repeating: "| ![[]() | x |\n", count: 101)
        #expect(messages(text).first?.contains("more than 100 images") == true)
    }

    @Test func moreThanAHundredAtSignsInOneParagraphAreRefused() {
        #expect(messages(String(repeating: "a@b.org ", count: 100)).isEmpty)
        #expect(messages(String(repeating: "a@", count: 40_000)).first ==
            "policies/x.md:8:202: error: more than 100 '@' signs in one paragraph or table cell, expected at most 100 e-mail addresses in one paragraph: put a blank line between groups of them")
    }

    @Test func linesEndAtLineFeedsCarriageReturnsOrBoth() {
        // The same over-limit line found at the same line number whichever way lines end
        // (memchr finds the ends when there is no carriage return; byte by byte otherwise).
        let over = String(repeating: "![[]()", count: 101)
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a", "", "b", "", over, ""].joined(separator: ending)
            #expect(messages(text).first?.hasPrefix("policies/x.md:12:601: error: more than 100 images") == true, "ending \(ending.debugDescription)")
        }
        #expect(messages("a\n\r\n\r" + over).first?.hasPrefix("policies/x.md:11:601:") == true)
    }

    @Test func aLineWithoutAPipeHasTheCellsTheWholeRuleGives() {
        let lines = ["", " ", "\t \u{0B}", "a", "  a b  ", "\\", "a \\", "é ✓", "a|b", "|", "| a |", "\\|", "a \\| b |", " |a| ", "||", "| \\|"]
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { bytes in
                let whole = MarkdownShapeScanner.cellsWithPipes(in: bytes)
                let cells = MarkdownShapeScanner.cells(in: bytes)
                #expect(cells.count == whole.count && cells.pipes == whole.pipes, "\(line.debugDescription)")
            }
        }
    }

    @Test func everyLimitOverIsReportedOnceEach() {
        let text = String(repeating: "> ", count: 40) + "x\n\n" + String(repeating: "![[]()", count: 200) + "\n\n" + String(repeating: "a@", count: 200)
        #expect(messages(text).count == 3)
    }

    @Test func theExampleSiteAndTwoHundredRichPoliciesAreWithinEveryLimit() throws {
        let folder = try temporaryDirectory("limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RichSite(policies: 200).write(to: folder.appendingPathComponent("content"))
        for directory in [folder.appendingPathComponent("content"), repositoryRoot.appendingPathComponent("content")] {
            let content = try ContentLoader().load(from: directory.path)
            #expect(content.policies.count >= 4)
        }
    }
}
