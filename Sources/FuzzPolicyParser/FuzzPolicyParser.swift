import FuzzSupport
import PolicySite

/// libFuzzer target: any bytes as a policy file, through decoding, front matter, YAML and
/// dates. A refusal is fine; a crash, hang or leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? PolicyParser.parse(bytes: Array(bytes), slug: "fuzz", file: "fuzz.md")
    if let text = String(validating: bytes, as: UTF8.self) {
        _ = ReviewDate(parsing: text)
        _ = try? SiteConfigurationParser.parse(text, file: "site.yml")
    }
    return 0
}

@main enum FuzzPolicyParserMain {
    static func main() { FuzzEntry.run(fuzzPolicyParser) }
}
