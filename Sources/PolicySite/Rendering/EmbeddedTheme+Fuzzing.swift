#if FUZZING
/// A fuzzing build has no theme-embedding plugin (see Package.swift); the fuzz targets
/// exercise parsing and Markdown, which need no templates.
enum EmbeddedTheme {
    static let base64: [String: String] = [:]
}
#endif
