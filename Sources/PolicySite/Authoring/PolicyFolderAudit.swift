import Foundation

/// Files in `policies/` that will not become pages, each named with what to do about it:
/// a Word document to import, a `.txt` to rename, a folder that is never read.
enum PolicyFolderAudit {
    /// Names a build passes over without a word: hidden files, Word's lock files, the files
    /// Windows and macOS leave behind, editor backups.
    static func isHousekeeping(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name.hasPrefix("#") || name.hasSuffix("~")
            || ["thumbs.db", "desktop.ini"].contains(name.lowercased())
    }

    /// A warning for each entry of `names` (in the folder `directory`) that is not a policy.
    static func warnings(for names: [String], in directory: String, contentDirectory: String, isDirectory: (String) -> Bool) -> [Diagnostic] {
        names.sorted().compactMap { name -> Diagnostic? in
            guard !name.hasSuffix(".md"), !isHousekeeping(name) else { return nil }
            let path = (directory as NSString).appendingPathComponent(name)
            let at = SourceLocation(file: path)
            if isDirectory(path) {
                return .warning(at: at, "the folder '\(name)' in policies/ is not read: only .md files directly in policies/ become pages",
                                expected: "each policy as policies/NAME.md, and other files outside policies/")
            }
            let stem = (name as NSString).deletingPathExtension
            let slug = Slug.make(from: stem) ?? "policy-name"
            switch (name as NSString).pathExtension.lowercased() {
            case "docx":
                let content = (contentDirectory as NSString).lastPathComponent == "content" ? "" : " --content \(shellQuoted(contentDirectory))"
                return .warning(at: at, "'\(name)' is a Word document, which will not become a page",
                                expected: "a policy made from it by running policysite import \(shellQuoted(path))\(content), then the .docx moved out of policies/")
            case "doc", "odt", "rtf", "pages", "wpd":
                return .warning(at: at, "'\(name)' will not become a page: policysite reads Word documents in the .docx form only",
                                expected: "the document saved as .docx from Word or LibreOffice (File > Save As), then 'policysite import' on that file")
            case "txt", "text", "markdown", "mdown", "mkd":
                return .warning(at: at, "'\(name)' will not become a page: only files ending in .md do",
                                expected: "the file renamed to '\(slug).md'")
            case "pdf":
                return .warning(at: at, "'\(name)' will not become a page: a PDF cannot be turned into one",
                                expected: "the policy from its Word document ('policysite import'), or the PDF in the templates' assets/ folder, linked from a policy as ../../assets/\(name)")
            default:
                if name.lowercased().hasSuffix(".md") || (name as NSString).pathExtension.lowercased() == "md" {
                    return .warning(at: at, "'\(name)' will not become a page: its name must end in '.md' in lower case", expected: "the file renamed to '\(slug).md'")
                }
                return .warning(at: at, "'\(name)' in policies/ will not become a page: only .md files do",
                                expected: "policies as .md files, and images or downloads in the templates' assets/ folder")
            }
        }
    }

    /// `text` as one shell word.
    static func shellQuoted(_ text: String) -> String {
        guard !text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "$", with: "\\$")
            .replacingOccurrences(of: "`", with: "\\`") + "\""
    }
}
