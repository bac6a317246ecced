import PropertyBased
import Testing
@testable import PolicySite

@Suite("What changed: the difference between two approved texts")
struct TextDifferenceTests {
    static let earlier = """
        ## What we share

        Photographs are shared only with consent.

        - First names of pupils
        - Class photographs
        - Names of staff

        Parents may ask us to remove a photograph at any time.

        """

    static let later = """
        ## What we share

        Photographs are shared only with written consent.

        - First names of pupils
        - Names of staff

        Parents may ask us to remove a photograph at any time.

        Photographs are kept for one school year, then deleted.

        """

    @Test("a removed bullet is one removed block, an added paragraph one added block, and a changed sentence is marked word by word")
    func marksEachKindOfChange() {
        let difference = TextDifference(from: Self.earlier, to: Self.later)
        #expect(difference.changes == [
            .changed([.same("Photographs are shared only with "), .added("written "), .same("consent.\n")]),
            .removed("- Class photographs\n"),
            .added("Photographs are kept for one school year, then deleted.\n"),
        ])
        #expect(difference.apply(to: Self.earlier) == ApprovedText.normalized(Self.later))
    }

    @Test("a sentence rewritten in part shows the removed words before the added ones, spaces between changes joined in")
    func joinsNeighbouringChanges() {
        let words = TextDifference.words(from: "The office will reply within five days.\n", to: "The head will reply within ten school days.\n")
        #expect(words == [.same("The "), .removed("office"), .added("head"), .same(" will reply within "),
                          .removed("five"), .added("ten school"), .same(" days.\n")])
    }

    @Test("line endings, trailing spaces and extra blank lines are not changes")
    func normalisesBeforeComparing() {
        let difference = TextDifference(from: "One.\r\n\r\n\r\nTwo.  \r\n", to: "\nOne.\n\nTwo.\n\n")
        #expect(difference.changes.isEmpty)
        #expect(ApprovedText.normalized("One.\r\n\r\n\r\nTwo.  \r\n") == "One.\n\nTwo.\n")
    }

    @Test("a block unlike any other stays removed and added, not paired")
    func unrelatedBlocksAreNotPaired() {
        let difference = TextDifference(from: "Alpha beta gamma.\n", to: "Completely different words here.\n")
        #expect(difference.changes == [.removed("Alpha beta gamma.\n"), .added("Completely different words here.\n")])
    }

    @Test("a feed summary names the added and removed sentences, shortened")
    func summary() throws {
        let versions = [
            ApprovedVersion(slug: "p", title: "P", approved: ReviewDate(parsing: "2025-11")!, recorded: nil, markdown: Self.earlier, sourcePath: "a"),
            ApprovedVersion(slug: "p", title: "P", approved: ReviewDate(parsing: "2026-11")!, recorded: nil, markdown: Self.later, sourcePath: "b"),
        ]
        let document = PolicyDocument(slug: "p", title: "P", lastUpdated: ReviewDate(parsing: "2026-11")!, nextReview: ReviewDate(parsing: "2027-11")!,
                                      markdown: Self.later, sourcePath: "p.md")
        let policy = Policy(document: document, schedule: ReviewSchedule(nextReview: document.nextReview, dueSoonMonths: 3),
                            asOf: CalendarDay(iso: "2026-11-24")!, versions: versions)
        let changes = try #require(ReviewChanges(reviewOn: ReviewDate(parsing: "2026-11")!, of: policy))
        #expect(changes.summary == "Added the words “written”. Removed: “Class photographs”. Added: “Photographs are kept for one school year, then deleted.”.")
        #expect(ReviewChanges.shortened(String(repeating: "word ", count: 40)).hasSuffix(" …"))
    }

    /// Texts made of a few words, list items, headings and blank lines, so that two random
    /// texts share many blocks and words, as two versions of one policy do.
    static func text(_ seeds: [Int]) -> String {
        let pieces = ["Parents", "may", "ask", "the", "office.", " ", " ", "\n", "\n\n", "\n- ", "\n## ", "\n1. ", "consent", "\r\n", "  \n", "*", "«é»"]
        return seeds.map { pieces[$0 % pieces.count] }.joined()
    }

    @Test("applying each difference to the earlier text gives the later one, for random texts")
    func applyingTheDifferenceGivesTheLaterText() async {
        let seeds = Gen.int(in: 0...1000).array(of: 0...80)
        await propertyCheck(count: 400, input: seeds, seeds) { a, b in
            let earlier = Self.text(a), later = Self.text(b)
            let difference = TextDifference(from: earlier, to: later)
            #expect(difference.apply(to: earlier) == ApprovedText.normalized(later), "\(earlier.debugDescription) → \(later.debugDescription)")
        }
    }

    @Test("applying the difference to a text that was edited by a few pieces gives the edited text")
    func applyingTheDifferenceAfterSmallEdits() async {
        let seeds = Gen.int(in: 0...1000).array(of: 20...80)
        let edits = Gen.int(in: 0...1000).array(of: 1...6)
        await propertyCheck(count: 400, input: seeds, edits) { a, changes in
            var b = a
            for change in changes {
                let at = change % b.count
                switch change % 3 {
                case 0: b.remove(at: at)
                case 1: b.insert(change / 3, at: at)
                default: b[at] = change / 3
                }
                if b.isEmpty { b = [1] }
            }
            let earlier = Self.text(a), later = Self.text(b)
            #expect(TextDifference(from: earlier, to: later).apply(to: earlier) == ApprovedText.normalized(later))
        }
    }

    @Test("blocks too large to compare word by word are still a complete difference")
    func largeBlocks() {
        let earlier = String(repeating: "word ", count: 5_000) + "\n"
        let later = String(repeating: "word ", count: 4_999) + "end\n"
        let difference = TextDifference(from: earlier, to: later)
        #expect(difference.apply(to: earlier) == ApprovedText.normalized(later))
    }
}
