import FuzzSupport
import PolicySite

private let vocabulary = (
    categories: ["undermining", "offensive-language", "copyright"].map { SiteConfiguration.Term(key: $0, label: $0) },
    actions: ["removed", "blocked", "reported-platform"].map { SiteConfiguration.Term(key: $0, label: $0) })
private let asOf = CalendarDay(year: 2026, month: 11, day: 24)!
private let anonymiser = Anonymiser(key: PseudonymKey(bytes: Array(repeating: 7, count: 32)), categories: vocabulary.categories,
                                    actions: vocabulary.actions, asOf: asOf)

private enum Outcome: Equatable {
    case figures(ReportStatistics)
    case messages([String])
}

private func read(_ bytes: [UInt8], fastLane: Bool) -> Outcome {
    let reader = ModerationLogReader(categories: vocabulary.categories, actions: vocabulary.actions, asOf: asOf,
                                     latestDate: CalendarDay(year: 2026, month: 12, day: 31))
    do {
        return .figures(try reader.read(bytes: bytes, file: "fuzz.csv", fastLane: fastLane))
    } catch let error as PolicySiteError {
        return .messages(error.diagnostics.map(\.description))
    } catch {
        return .messages(["\(error)"])
    }
}

/// libFuzzer target: the log's rules hold in every reader. Any bytes as a log give the same
/// figures or the same messages through the fast lane and through the scanner alone; as a
/// working log, whatever `anonymise` writes is a log the reader accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLogLanes(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fast = read(bytes, fastLane: true)
    let scanner = read(bytes, fastLane: false)
    if fast != scanner { fatalError("the fast lane and the scanner disagree: \(fast) against \(scanner)") }
    do {
        _ = try anonymiser.anonymise(bytes: bytes, file: "raw.csv")
    } catch let error as PolicySiteError {
        if let refused = error.diagnostics.first(where: { $0.message.contains("would be refused by build") }) {
            fatalError("anonymise wrote a log the reader refuses: \(refused)")
        }
    } catch {
        fatalError("anonymise threw \(error)")
    }
    return 0
}

@main enum FuzzLogLanesMain {
    static func main() { FuzzEntry.run(fuzzLogLanes) }
}
