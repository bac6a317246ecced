import Foundation
import Testing
@testable import PolicySite

/// The fast lane, the scanner path and the anonymiser apply one set of cell rules: on random and
/// mutated rows the two lanes give the same figures or the same messages, and whatever the
/// anonymiser writes, the reader accepts.
@Suite struct ModerationLogLanesTests {
    /// Values that sit on an edge of some rule, for any column.
    static let edgeValues = [
        "", " ", "\t", "07700900123", "07700 900123", "0012", "0.5", "00.5", "1e3", "3.", ".5", "24", "123456789", "1234567890", "-3",
        "2016-02-30", "2016-13-01", "2016-09-03T10:00", "2016-09-03T25:00", "2016-09-03 10:00:00+01:00", "2016-09-03T10:00:00.Z",
        "2016-09-03T10:00+0100", "2016-09-03T10:00-01", "2016-9-3", "03/09/2016", "3-Sep-16", "42616", "2027-01-01", "2026-11-25",
        "p-abcdef12", "p-ABCDEF12", "p-1234567", "p-0123456789abcdef0", "p-" + String(repeating: "a", count: 64),
        "p-" + String(repeating: "a", count: 65), "removed;;blocked", ";", "removed; blocked", " removed ", "Removed", "removed;x",
        "copyright", "Copyright", "@dave", "dave@example.com", "Mrs Jane Doe of 14 Acacia Ave", "SW1A 1AA", "\"removed\"", "a\"b",
        "\"2016-09-03\"", "undermining", "child-follow-request", "\u{FEFF}2016-09-03", "é", "2016-09-03\r",
    ]

    static let header = ["date", "category", "actions", "account", "hours-to-action"]

    /// A valid value for `column`, picked at random.
    static func validValue(_ column: String, _ random: inout SplitMix) -> String {
        switch column {
        case "date": String(format: "%04d-%02d-%02d", 2016 + Int(random.next() % 10), 1 + Int(random.next() % 12), 1 + Int(random.next() % 28))
        case "category": ModerationFixtures.categories[Int(random.next() % 6)].key
        case "actions": ["removed", "blocked;removed", "esafety-notified", "reported-platform;reported-authority"][Int(random.next() % 4)]
        case "account": ["", "p-0000abcd", "p-0123456789abcdef", "p-" + String(repeating: "b", count: 20)][Int(random.next() % 4)]
        default: ["", "3.5", "0.25", "24", "100"][Int(random.next() % 5)]
        }
    }

    /// A row, then one or two mutations: a cell swapped for an edge value, or a byte inserted or deleted.
    static func mutatedRow(columns: [String], _ random: inout SplitMix) -> String {
        var cells = columns.map { validValue($0, &random) }
        var row = cells.joined(separator: ",")
        for _ in 0..<(1 + Int(random.next() % 2)) {
            switch random.next() % 4 {
            case 0:
                cells[Int(random.next() % UInt64(cells.count))] = edgeValues[Int(random.next() % UInt64(edgeValues.count))]
                row = cells.joined(separator: ",")
            case 1 where !row.isEmpty:
                var bytes = Array(row.utf8)
                let extras: [UInt8] = Array(",\"\r \t;-0a.:T".utf8)
                bytes.insert(extras[Int(random.next() % UInt64(extras.count))], at: Int(random.next() % UInt64(bytes.count + 1)))
                row = String(decoding: bytes, as: UTF8.self)
            case 2 where !row.isEmpty:
                var bytes = Array(row.utf8)
                bytes.remove(at: Int(random.next() % UInt64(bytes.count)))
                row = String(decoding: bytes, as: UTF8.self)
            default:
                break  // left valid
            }
        }
        return row
    }

    /// The figures, or the messages, of one read.
    enum Outcome: Equatable {
        case success(ReportStatistics)
        case failure([String])
    }

    static func outcome(_ log: String, fastLane: Bool, asOf: CalendarDay = ModerationFixtures.asOf) -> Outcome {
        let reader = ModerationLogReader(categories: ModerationFixtures.categories, actions: ModerationFixtures.actions, asOf: asOf,
                                         latestDate: CalendarDay(year: 2026, month: 12, day: 31))
        do {
            return .success(try reader.read(bytes: Array(log.utf8), file: "log.csv", fastLane: fastLane))
        } catch let error as PolicySiteError {
            return .failure(error.diagnostics.map(\.description))
        } catch {
            return .failure(["unexpected: \(error)"])
        }
    }

    @Test func bothLanesGiveTheSameVerdictOnEachRandomAndMutatedRow() {
        var random = SplitMix(seed: 16)
        var accepted = 0, refused = 0
        for _ in 0..<4000 {
            var columns = Self.header.filter { $0 == "date" || $0 == "category" || $0 == "actions" || random.next() % 3 != 0 }
            columns.shuffle(using: &random)
            let log = columns.joined(separator: ",") + "\n" + Self.mutatedRow(columns: columns, &random) + "\n"
            let fast = Self.outcome(log, fastLane: true)
            let scanner = Self.outcome(log, fastLane: false)
            #expect(fast == scanner, "\(log.debugDescription)")
            if case .success = fast { accepted += 1 } else { refused += 1 }
        }
        // Both kinds occur often, so the comparison covers verdicts of each kind.
        #expect(accepted > 800 && refused > 800, "accepted \(accepted), refused \(refused)")
    }

    @Test func bothLanesGiveTheSameFiguresOnWholeLogsOfMutatedRows() {
        var random = SplitMix(seed: 17)
        for _ in 0..<40 {
            let rows = (0..<200).map { _ in Self.mutatedRow(columns: Self.header, &random) }
            let log = Self.header.joined(separator: ",") + "\n" + rows.joined(separator: "\n")
            let valid = Self.header.joined(separator: ",") + "\n" + rows.filter {
                if case .success = Self.outcome(Self.header.joined(separator: ",") + "\n" + $0, fastLane: false) { return true }
                return false
            }.joined(separator: "\n")
            #expect(Self.outcome(log, fastLane: true) == Self.outcome(log, fastLane: false))
            let figures = Self.outcome(valid, fastLane: true)
            #expect(figures == Self.outcome(valid, fastLane: false))
            if case .failure(let messages) = figures { Issue.record("the valid rows were refused: \(messages.prefix(3))") }
        }
    }

    @Test func theAnonymiserNeverWritesALogTheReaderRefuses() throws {
        let anonymiser = Anonymiser(key: PseudonymKey(bytes: Array(repeating: 9, count: 32)), categories: ModerationFixtures.categories,
                                    actions: ModerationFixtures.actions, asOf: ModerationFixtures.asOf)
        var random = SplitMix(seed: 18)
        var written = 0
        for _ in 0..<1500 {
            var columns = ["date", "category", "actions", "hours-to-action"]
            columns.shuffle(using: &random)
            let row = Self.mutatedRow(columns: columns, &random)
            let raw = "Handle,Notes," + columns.joined(separator: ",") + "\n@someone,\"rang 07700 900123\"," + row + "\n"
            do {
                let text = try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv")
                written += 1
                #expect(throws: Never.self, "\(raw.debugDescription) gave \(text.debugDescription)") {
                    try ModerationFixtures.reader().read(bytes: Array(text.utf8), file: "log.csv")
                }
            } catch let error as PolicySiteError {
                #expect(!error.diagnostics.contains { $0.message.contains("would be refused by build") }, "\(error.diagnostics)")
            }
        }
        #expect(written > 200, "\(written) written")
    }

    @Test func anonymiseRefusesHoursShapedLikeAPhoneNumberAsBuildDoes() {
        let anonymiser = Anonymiser(key: PseudonymKey(bytes: Array(repeating: 9, count: 32)), categories: ModerationFixtures.categories,
                                    actions: ModerationFixtures.actions, asOf: ModerationFixtures.asOf)
        let raw = "date,handle,category,actions,hours-to-action\n2017-01-05,@a,undermining,removed,07700900123\n"
        #expect(throws: PolicySiteError.self) { try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv") }
        let message = (try? anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv")) == nil
            ? ModerationFixtures.anonymiseErrors(anonymiser, raw) : []
        #expect(message == [
            "raw.csv:2:35: error: the hours-to-action cell holds what looks like personal data (a phone number); the log must be anonymised, expected empty, or a non-negative number of hours such as 3.5",
        ])
        #expect(!message.joined().contains("07700900123"))
    }
}

extension SplitMix: RandomNumberGenerator {}

extension ModerationFixtures {
    static func anonymiseErrors(_ anonymiser: Anonymiser, _ raw: String) -> [String] {
        do {
            _ = try anonymiser.anonymise(bytes: Array(raw.utf8), file: "raw.csv")
            return []
        } catch let error as PolicySiteError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }
}
