/// The first draft of a new policy: front matter a build accepts, and headings to fill in.
public enum PolicyScaffold {
    /// The text of `policies/SLUG.md` for `title`, last updated in `month` and next reviewed
    /// one review cycle (`cycleMonths`) later.
    public static func text(title: String, month: CalendarMonth, cycleMonths: Int) -> String {
        let next = month.adding(months: cycleMonths)
        return """
        ---
        title: \(yamlQuoted(title))
        summary: \(PlaceholderText.summary)
        # A role, never a person's name.
        owner: Headteacher
        last-updated: \(month.spelledOut)
        next-review: \(next.spelledOut)
        ---

        \(PlaceholderText.bodyLines[0])
        say who the policy is for and why it matters.

        ## Aims

        \(PlaceholderText.bodyLines[1])

        ## What we do

        \(PlaceholderText.bodyLines[2])

        ## What we ask of parents and carers

        \(PlaceholderText.bodyLines[3])

        ## Questions and concerns

        \(PlaceholderText.bodyLines[4])

        """
    }

    /// A YAML double-quoted scalar, so a title with ':' or '#' stays one string.
    static func yamlQuoted(_ text: String) -> String { "\"" + yamlQuotedRules.escape(text) + "\"" }

    /// Quotes and backslashes escaped; a line break or tab becomes a space (a title is one line).
    static let yamlQuotedRules = TextEscaping(replacing: ["\"": "\\\"", "\\": "\\\\", "\n": " ", "\r": " ", "\t": " "], as: nil)
}
