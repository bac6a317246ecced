import FuzzSupport
import PolicySite

private let vocabulary = (
    categories: ["undermining", "offensive-language", "copyright"].map { SiteConfiguration.Term(key: $0, label: $0) },
    actions: ["removed", "blocked", "reported-platform"].map { SiteConfiguration.Term(key: $0, label: $0) })

/// libFuzzer target: any bytes as a moderation log, through the CSV scanner, the anonymity
/// guard, the statistics fold and the suppressed report. A refusal is fine; a crash is a bug.
/// Small chunks make every cell cross chunk boundaries, where a streaming reader breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModerationLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = ModerationLogReader(categories: vocabulary.categories, actions: vocabulary.actions,
                                     asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
    let whole = try? reader.read(bytes: bytes, file: "fuzz.csv")
    let chunked = try? reader.read(bytes: bytes, file: "fuzz.csv", chunkSize: 7)
    if whole != chunked { fatalError("reading in chunks changed the statistics") }
    if let statistics = whole {
        let configuration = SiteConfiguration(organisation: "x", title: "x", baseURL: "https://x.example/", contact: "x",
                                              categories: vocabulary.categories, actions: vocabulary.actions)
        _ = TransparencyReport(statistics: statistics, configuration: configuration, asOf: reader.asOf)
    }
    return 0
}

@main enum FuzzModerationLogMain {
    static func main() { FuzzEntry.run(fuzzModerationLog) }
}
