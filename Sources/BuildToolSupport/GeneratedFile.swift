import Foundation

/// What the build plugins' executables (ThemeEmbedder, ViewModelLookupGenerator) share: how
/// they write the Swift file they generate, and how they stop on a problem.
public enum GeneratedFile {
    /// Writes `source` to `path` unless the file already holds exactly it: rewriting an
    /// unchanged file would make the library recompile on every build.
    public static func write(_ source: String, to path: String, tool: String) {
        let output = URL(fileURLWithPath: path)
        do {
            if (try? Data(contentsOf: output)) != Data(source.utf8) {
                try Data(source.utf8).write(to: output, options: .atomic)
            }
        } catch {
            fail(tool, "cannot write \(path): \(error)")
        }
    }

    /// "TOOL: MESSAGE" on standard error, then exit with `status` (64 for a usage error).
    public static func fail(_ tool: String, _ message: String, status: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("\(tool): \(message)\n".utf8))
        exit(status)
    }
}
