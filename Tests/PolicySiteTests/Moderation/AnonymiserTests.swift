import Foundation
import Testing
@testable import PolicySite

@Suite struct AnonymiserTests {
    let anonymiser = Anonymiser(key: PseudonymKey(bytes: Array(repeating: 7, count: 32)), categories: ModerationFixtures.categories,
                                actions: ModerationFixtures.actions, asOf: ModerationFixtures.asOf)

    @Test func givesTheSameHandleTheSamePseudonymWhateverItsSpelling() {
        let pseudonym = anonymiser.pseudonym(for: "@Dave_Smith")
        #expect(pseudonym == anonymiser.pseudonym(for: " dave_smith "))
        #expect(pseudonym != anonymiser.pseudonym(for: "@dave_smyth"))
        #expect(pseudonym.wholeMatch(of: /p-[0-9a-f]{16}/) != nil)
        let other = Anonymiser(key: PseudonymKey(bytes: Array(repeating: 8, count: 32)), categories: [], actions: [], asOf: ModerationFixtures.asOf)
        #expect(other.pseudonym(for: "@Dave_Smith") != pseudonym)
    }

    @Test func dropsFreeTextAndWritesALogTheReaderAccepts() throws {
        let raw = "Date,Handle,Category,Actions,Notes,hours-to-action\n2017-01-05T10:00:00Z,@dave_smith,undermining,removed; blocked,\"mum of Y3, rang 07700 900123\",2\n2017-02-01,,copyright,removed,,\n"
        let text = try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv")
        let pseudonym = anonymiser.pseudonym(for: "@dave_smith")
        #expect(text == "date,category,actions,account,hours-to-action\n2017-01-05,undermining,removed;blocked,\(pseudonym),2\n2017-02-01,copyright,removed,,\n")
        let statistics = try ModerationFixtures.reader().read(bytes: Array(text.utf8), file: "log.csv")
        #expect(statistics.incidents == 2)
    }

    @Test func checksDatesAndVocabularyAllAtOnce() {
        let raw = "date,handle,category,actions\n2017-02-30,@a,undermining,removed\n2017-01-05,@b,bullying,deleted\n"
        #expect(throws: PolicySiteError.self) { try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv") }
        do {
            _ = try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv")
        } catch let error as PolicySiteError {
            #expect(error.diagnostics.map(\.description) == [
                "raw.csv:2:1: error: the date '2017-02-30' does not exist, expected a real date YYYY-MM-DD",
                "raw.csv:3:15: error: unknown category (the cell holds a single word), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
                "raw.csv:3:24: error: unknown action (the cell holds a single word), expected one or more of removed, blocked, reported-platform, reported-authority, esafety-notified, separated by ';'",
            ])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func refusesAKeyFileInsideTheContentDirectoryAndCreatesAPrivateOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anonymise-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PolicySiteError.self) {
            try PseudonymKey.load(path: content.appendingPathComponent("key").path, contentDirectory: content.path, create: true)
        }
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("key").path))
        let keyPath = folder.appendingPathComponent("key").path
        #expect(throws: PolicySiteError.self) { try PseudonymKey.load(path: keyPath, contentDirectory: content.path, create: false) }
        let created = try PseudonymKey.load(path: keyPath, contentDirectory: content.path, create: true)
        let permissions = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try PseudonymKey.load(path: keyPath, contentDirectory: content.path, create: true).bytes == created.bytes)
        #expect(created.bytes.count == 32)
    }
}
