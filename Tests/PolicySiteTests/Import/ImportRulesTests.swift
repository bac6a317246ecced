import Foundation
import Testing
@testable import PolicySite

/// The rules of the import, one at a time: dates as schools write them, the lines under
/// the title, Word's fake lists and empty paragraphs, heading levels, and Markdown that
/// says the words and nothing more.
@Suite struct ImportRulesTests {
    private func words(_ text: String) -> [ImportInline] { PlainTextPolicyReader.words(text) }

    // MARK: Dates

    @Test(arguments: [
        ("September 2016", "September 2016"), ("Sept. 2016", "September 2016"), ("sep 2016", "September 2016"),
        ("2016-09", "September 2016"), ("14 October 2019", "14 October 2019"), ("14th October 2019", "14 October 2019"),
        ("October 14, 2019", "14 October 2019"), ("14/10/2019", "14 October 2019"), ("10/2019", "October 2019"),
        ("2019-10-14", "14 October 2019"), ("September 2017 (or sooner if the law changes)", "September 2017"),
        ("Autumn 2016", "September 2016"), ("Spring Term 2017", "January 2017"),
    ])
    func schoolDatesAreRead(_ text: String, _ expected: String) {
        #expect(ImportDate.read(text)?.date.spelledOut == expected)
    }

    @Test(arguments: ["", "soon", "32/10/2019", "Smarch 2019", "13/2019", "September", "1066"])
    func textThatIsNotADateIsNotRead(_ text: String) {
        #expect(ImportDate.read(text) == nil)
    }

    @Test func aTermIsReadAsTheMonthItStartsAndSaysSo() {
        #expect(ImportDate.read("Autumn 2016")?.note == "read 'Autumn 2016' as September 2016, the month that term starts")
    }

    // MARK: The lines under the title

    @Test func theSeedsDateLinesMoveIntoTheFrontMatterAndLeaveTheText() {
        var document = ImportedDocument(title: [.text("Twitter Policy")], blocks: [
            .para(words("@school_ws")), .para(words("Last Updated: September 2016")), .para(words("Next Review Due: September 2017")),
            .header(1, words("Rationale")), .para(words("Last Updated: is mentioned again here and stays.")),
        ])
        let header = PolicyHeaderReader.read(&document)
        #expect(header.title == "Twitter Policy")
        #expect(header.lastUpdated == ReviewDate(parsing: "September 2016"))
        #expect(header.nextReview == ReviewDate(parsing: "September 2017"))
        #expect(document.blocks == [.para(words("@school_ws")), .header(1, words("Rationale")), .para(words("Last Updated: is mentioned again here and stays."))])
    }

    @Test func commonVariantsAreReadAndAnApprovalIsTheLastUpdateOnlyWithoutOne() {
        var document = ImportedDocument(title: nil, blocks: [
            .header(1, words("Anti-Bullying Policy")),
            .para(words("Approved by governors: 14 October 2019") + [.lineBreak] + words("Review date: October 2020")),
            .para(words("Policy owner: Deputy Headteacher")), .header(1, words("Aims")),
        ])
        let header = PolicyHeaderReader.read(&document)
        #expect(header.title == "Anti-Bullying Policy")
        #expect(header.lastUpdated == .day(CalendarDay(year: 2019, month: 10, day: 14)!))
        #expect(header.nextReview == ReviewDate(parsing: "October 2020"))
        #expect(header.owner == "Deputy Headteacher")
        #expect(document.blocks == [.header(1, words("Aims"))])

        var both = ImportedDocument(title: [.text("T")], blocks: [
            .para(words("Date of last review: March 2021")), .para(words("Approved: 1 April 2021")), .para(words("Next review: March 2022")),
        ])
        let read = PolicyHeaderReader.read(&both)
        #expect(read.lastUpdated == ReviewDate(parsing: "March 2021"))
        #expect(both.blocks == [.para(words("Approved: 1 April 2021"))], "a line that gave no front matter stays in the text")
    }

    @Test func anOwnerWhoIsAPersonIsNotPublishedAsTheOwner() {
        var document = ImportedDocument(title: [.text("T")], blocks: [.para(words("Owner: Mrs J Smith")), .para(words("Last updated: May 2020"))])
        let header = PolicyHeaderReader.read(&document)
        #expect(header.owner == nil)
        #expect(header.notes.contains { $0.contains("'Mrs J Smith', which does not look like a role") })
        #expect(document.blocks == [.para(words("Owner: Mrs J Smith"))])
    }

    @Test func withoutATitleStyleTheFirstLineIsTheTitle() {
        var document = ImportedDocument(title: nil, blocks: [.para(words("Uniform Policy") + [.lineBreak] + words("Last updated: May 2020")), .para(words("Text."))])
        let header = PolicyHeaderReader.read(&document)
        #expect(header.title == "Uniform Policy")
        #expect(header.lastUpdated == ReviewDate(parsing: "May 2020"))
        #expect(document.blocks == [.para(words("Text."))])
    }

    // MARK: Cleaning

    @Test func listsTypedByHandBecomeListsAndBlankLinesBetweenTheirItemsGo() {
        var cleaner = ImportCleaner()
        let cleaned = cleaner.clean([
            .para(words("Children can tell:")),
            .para([.text("\u{2022}"), .space] + words("their teacher")), .para([]),
            .para([.text("o"), .space] + words("in class")),
            .para([.text("\u{2022}"), .space] + words("the office")),
            .para([.text("1."), .space] + words("write it down")), .para([.text("2."), .space] + words("read it")),
        ])
        #expect(cleaned == [
            .para(words("Children can tell:")),
            .bulletList([[.para(words("their teacher")), .bulletList([[.para(words("in class"))]])], [.para(words("the office"))]]),
            .orderedList(start: 1, [[.para(words("write it down"))], [.para(words("read it"))]]),
        ])
    }

    @Test func listsWordSplitAreJoinedButAnEmptyParagraphKeepsTwoListsApart() {
        var cleaner = ImportCleaner()
        let a = ImportBlock.bulletList([[.para(words("a"))]]), b = ImportBlock.bulletList([[.para(words("b"))]])
        #expect(cleaner.clean([a, b]) == [.bulletList([[.para(words("a"))], [.para(words("b"))]])])
        #expect(cleaner.clean([a, .para([]), b]) == [a, b])
    }

    @Test func aBoldLineIsAHeadingOnlyInADocumentWithoutHeadings() {
        var cleaner = ImportCleaner()
        let bold = ImportBlock.para([.strong(words("Our aims"))])
        #expect(cleaner.clean([bold, .para(words("Text."))]) == [.header(2, words("Our aims")), .para(words("Text."))])
        #expect(cleaner.clean([.header(1, words("A")), bold]) == [.header(2, words("A")), bold])
    }

    @Test func headingLevelsStartAtTwoAndNeverSkipALevel() {
        let levels = ImportCleaner.levelHeadings([.header(1, []), .header(3, []), .header(2, []), .header(1, [])]).compactMap { block -> Int? in
            if case .header(let level, _) = block { return level }
            return nil
        }
        #expect(levels == [2, 3, 3, 2])
    }

    @Test func footnotesMoveToANotesSectionAtTheEnd() {
        var cleaner = ImportCleaner()
        let cleaned = cleaner.clean([.para(words("Bullying counts") + [.note([.para(words("As defined."))])] + [.text(".")])])
        #expect(cleaned == [.para(words("Bullying counts") + [.text("[1]"), .text(".")]), .header(2, [.text("Notes")]),
                            .orderedList(start: 1, [[.para(words("As defined."))]])])
        #expect(cleaner.notes == ["1 footnote is moved to a 'Notes' section at the end, marked [1] in the text"])
    }

    // MARK: Markdown

    @Test func theMarkdownSaysTheWordsAndNothingMore() throws {
        let tricky = [
            "1. not a list", "# not a heading", "- not a bullet", "+ nor this", "> not a quote", "=== not an underline",
            "*not emphasis* and _not_ either, but school_ws stays", "<b>not HTML</b> &amp; not an entity",
            "[not a link](x) nor ![an image](y)", "a | pipe and ~~no strike~~ and `no code` and \\ backslash",
            "2016. A year first", "100% & more",
        ]
        for text in tricky {
            let markdown = ImportMarkdownWriter().write([.para(words(text))])
            let html = try MarkdownRenderer().render(markdown).html
            let shown = html.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>\n", with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            #expect(shown == text, "written as \(markdown)")
        }
        #expect(ImportMarkdownWriter().write([.para(words("@school_ws is ours"))]) == "@school_ws is ours\n", "no needless backslashes")
    }

    @Test func structureIsWrittenAsGitHubMarkdown() {
        let blocks: [ImportBlock] = [
            .header(2, words("Aims")),
            .para(words("We keep children") + [.space, .strong(words("safe")), .space, .text("and"), .space, .emphasis(words("valued") + [.space]), .text("."),
                                              .space, .link(words("More"), url: "https://example.org/a b")]),
            .orderedList(start: 1, [[.para(words("one")), .orderedList(start: 1, [[.para(words("one a"))]])], [.para(words("two"))]]),
            .bulletList([[.para(words("x"))]]), .bulletList([[.para(words("y"))]]),
            .table(rows: [[[.para(words("Who"))], [.para(words("How"))]], [[.para(words("Office"))], [.para(words("Call")), .para(words("or | write"))]]], hasHeader: true),
        ]
        #expect(ImportMarkdownWriter().write(blocks) == """
            ## Aims

            We keep children **safe** and *valued* . [More](https://example.org/a%20b)

            1. one
               1. one a
            2. two

            - x

            * y

            | Who | How |
            | --- | --- |
            | Office | Call or \\| write |

            """)
    }

    // MARK: Files that are not Word documents

    @Test func filesThatAreNotWordDocumentsAreRefusedWithTheReason() throws {
        func reason(_ bytes: [UInt8], _ name: String = "policy.docx") -> String? {
            do {
                _ = try ImportFormat.identify(Data(bytes), name: name)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason([]) == "the file is empty")
        #expect(reason(Array("%PDF-1.4".utf8)) == "this is a PDF, not a Word document")
        #expect(reason(Array("Hello".utf8)) == "the file is named like a Word document but is not one (a .docx starts as a zip archive does)")
        #expect(reason([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) == "the file is cut off: its end is missing")
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64)
        let encrypted = compound + "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(reason(encrypted) == "the document is protected by a password, so it cannot be read")
        let old = compound + "WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(reason(old, "policy.doc") == "this is a Word 97-2003 document (.doc), which pandoc cannot read")
        #expect(reason([0xFF, 0xFE, 0, 0x41], "notes.bin") == "this is not a Word document, a Markdown file or a text file")
    }
}
