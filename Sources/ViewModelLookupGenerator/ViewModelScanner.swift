/// A struct or final class found in a view model file: its name as written from the outermost type
/// (`TransparencyPageView.Figure`) and its stored properties in declaration order.
struct ViewModelDeclaration {
    var qualifiedName: String
    var properties: [String]
}

/// Finds structs and classes and their stored properties in Swift source written the way our view
/// models are: one declaration per line, braces outside string literals balanced.
/// Anything it cannot read as a plain stored property (computed, static, private) is left
/// out, which only means swift-mustache's own reflection answers that key instead.
enum ViewModelScanner {
    private struct Scope {
        var structIndex: Int?     // into `found`, when this scope is a struct's body
        var name: String?
    }

    static func structs(in source: String) -> [ViewModelDeclaration] {
        var found: [ViewModelDeclaration] = []
        var scopes: [Scope] = []
        var pendingStruct: String?
        var inBlockComment = false
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = codeOnly(String(rawLine), inBlockComment: &inBlockComment)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let declaration = words.drop { isModifier($0) }
            // A stored property directly inside a struct's or class's body.
            if let scope = scopes.last, let index = scope.structIndex, let keyword = declaration.first,
               keyword == "var" || keyword == "let", !words.contains("static"), !words.contains("class"),
               !words.contains(where: { $0.hasPrefix("private") || $0.hasPrefix("fileprivate") }),
               !trimmed.contains("{"), declaration.count >= 2 {
                let name = declaration[declaration.index(after: declaration.startIndex)]
                    .prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { found[index].properties.append(String(name)) }
            }
            if let structWord = declaration.first, structWord == "struct" || structWord == "class", declaration.count >= 2 {
                pendingStruct = String(declaration[declaration.index(after: declaration.startIndex)]
                    .prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            }
            for character in line {
                if character == "{" {
                    if let name = pendingStruct {
                        let outer = scopes.compactMap(\.name)
                        found.append(ViewModelDeclaration(qualifiedName: (outer + [name]).joined(separator: "."), properties: []))
                        scopes.append(Scope(structIndex: found.count - 1, name: name))
                        pendingStruct = nil
                    } else {
                        scopes.append(Scope(structIndex: nil, name: nil))
                    }
                } else if character == "}" {
                    _ = scopes.popLast()
                }
            }
        }
        return found
    }

    private static let modifiers: Set<String> = ["public", "internal", "package", "nonisolated", "final", "lazy", "weak", "unowned"]

    private static func isModifier(_ word: String) -> Bool {
        modifiers.contains(word) || word.hasPrefix("@") || word.hasPrefix("public(") || word.hasPrefix("internal(")
    }

    /// The line without comments and without the contents of string literals, so that
    /// braces and keywords inside them are not counted.
    static func codeOnly(_ line: String, inBlockComment: inout Bool) -> String {
        var result = ""
        var inString = false
        var previous: Character = " "
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if inBlockComment {
                if previous == "*" && character == "/" { inBlockComment = false; previous = " "; continue }
                previous = character
                continue
            }
            if inString {
                if character == "\"" && previous != "\\" { inString = false; result.append("\"") }
                previous = (previous == "\\" && character == "\\") ? " " : character
                continue
            }
            if character == "/" && characters.first == "/" { break }
            if character == "/" && characters.first == "*" { inBlockComment = true; characters.removeFirst(); previous = " "; continue }
            if character == "\"" { inString = true }
            result.append(character)
            previous = character
        }
        return result
    }
}
