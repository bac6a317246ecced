// Times the build's stages alone, in-process, on one content directory (scripts/bench runs it).
// Not a test: numbers are printed, never asserted. Usage:
//   policysite-bench CONTENT_DIR OUTPUT_DIR [--as-of YYYY-MM-DD] [--repeat N]
// Prints one line per stage: name, median seconds over N runs, and a rate where one makes sense.
import Foundation
import PolicySite

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let asOf = CalendarDay(iso: option("--as-of") ?? "2026-11-24")!
let runs = Int(option("--repeat") ?? "5")!
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: policysite-bench CONTENT_DIR OUTPUT_DIR [--as-of DATE] [--repeat N]\n".utf8))
    exit(64)
}
let (contentDirectory, outputDirectory) = (arguments[0], arguments[1])
let options = BuildOptions(contentDirectory: contentDirectory, templatesDirectory: "/nonexistent", outputDirectory: outputDirectory, asOf: asOf)

func stage(_ name: String, bytes: Int? = nil, items: Int? = nil, _ body: () throws -> Void) throws {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    let m = median(times)
    var line = name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %10.6f s", m)
    if let bytes, bytes > 0 { line += String(format: "  %8.1f MB/s", Double(bytes) / 1e6 / m) }
    if let items, items > 0 { line += String(format: "  %8.4f ms/item (%d items)", m * 1000 / Double(items), items) }
    print(line)
}

var content: SiteContent!
try stage("load-content") { content = try ContentLoader().load(from: contentDirectory) }
let logPath = (contentDirectory as NSString).appendingPathComponent(content.configuration.moderationLogPath)
var statistics: ReportStatistics?
if FileManager.default.fileExists(atPath: logPath) {
    let size = (try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? 0
    try stage("log-ingestion", bytes: size) {
        statistics = try ModerationLogReader(configuration: content.configuration, asOf: asOf).read(path: logPath)
    }
}
var templates: TemplateSet!
try stage("templates-parse") { templates = try TemplateSet.load(from: []) }
let site = Site(content: content, asOf: asOf, moderation: statistics)
let markdownBytes = content.policies.reduce(0) { $0 + $1.markdown.utf8.count }
let renderer = MarkdownRenderer()
try stage("markdown-limits", bytes: markdownBytes, items: content.policies.count) {
    for policy in content.policies { _ = MarkdownLimits().check(policy.markdown, file: policy.sourcePath) }
}
try stage("markdown-serial", bytes: markdownBytes, items: content.policies.count) {
    for policy in content.policies { _ = try renderer.render(policy.markdown) }
}
try stage("markdown-parallel", bytes: markdownBytes, items: content.policies.count) {
    let policies = content.policies
    DispatchQueue.concurrentPerform(iterations: policies.count) { index in _ = try? renderer.render(policies[index].markdown) }
}
var files: [OutputFile] = []
try stage("render-all-pages", items: content.policies.count) { files = try PageRenderer(templates: templates).render(site) }
let outputBytes = files.reduce(0) { $0 + $1.contents.count }
try stage("write", bytes: outputBytes, items: files.count) { try SiteWriter().publish(files, to: outputDirectory) }
try stage("whole-build", items: content.policies.count) { try SiteBuilder().build(options) }

// What `serve` does after one policy is saved: fingerprint both directories, then rebuild in
// memory with the templates it kept. The save itself (a write to tmpfs) is inside the timing.
if let policy = content.policies.first {
    let url = URL(fileURLWithPath: policy.sourcePath)
    let original = try Data(contentsOf: url)
    defer { try? original.write(to: url) }
    var preview = PreviewBuilder(options: options)
    _ = try preview.rebuild(templatesFingerprint: SourceFingerprint.of(options.templatesDirectory))
    var edited = false
    try stage("serve-rebuild-1-file", items: content.policies.count) {
        edited.toggle()
        try (edited ? original + Data("\nOne more line.\n".utf8) : original).write(to: url)
        _ = SourceFingerprint.of(contentDirectory)
        _ = try preview.rebuild(templatesFingerprint: SourceFingerprint.of(options.templatesDirectory))
    }
}
