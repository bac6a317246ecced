import FuzzSupport
import PolicySite

/// libFuzzer target: any bytes as a policy body, through cmark-gfm, heading ids and the
/// safety rewrites. Beyond not crashing, the rendered HTML must never hold a raw `<script`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // A library failure is reported to the user as an error; for the fuzzer it is a finding.
    let rendered: RenderedMarkdown
    do { rendered = try MarkdownRenderer().render(markdown) } catch { fatalError("\(error.localizedDescription) for \(markdown.debugDescription)") }
    if rendered.html.lowercased().contains("<script") || rendered.html.lowercased().contains("href=\"javascript:") {
        fatalError("unsafe HTML rendered from \(markdown.debugDescription)")
    }
    return 0
}

@main enum FuzzMarkdownPageMain {
    static func main() { FuzzEntry.run(fuzzMarkdownPage) }
}
