/// The first draft of a new policy: front matter a build accepts, and headings to fill in.
public enum PolicyScaffold {
    /// The text of `policies/SLUG.md` for `title`, last updated in `month` and next reviewed
    /// one review cycle (`cycleMonths`) later.
    public static func text(title: String, month: CalendarMonth, cycleMonths: Int) -> String {
        let next = month.adding(months: cycleMonths)
        return """
        ---
        title: \(yamlQuoted(title))
        summary: One sentence that tells a parent what this policy is for.
        # A role, never a person's name.
        owner: Headteacher
        last-updated: \(month.spelledOut)
        next-review: \(next.spelledOut)
        ---

        Write the policy here in Markdown. This opening paragraph is the first thing a parent reads:
        say who the policy is for and why it matters.

        ## Aims

        - What the school wants this policy to achieve.

        ## What we do

        Describe what happens, who does it, and when.

        ## What we ask of parents and carers

        Say plainly what parents and carers are asked to do.

        ## Questions and concerns

        Say who to contact (a role, such as the school office) and how.

        """
    }

    /// A YAML double-quoted scalar, so a title with ':' or '#' stays one string.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n", "\r", "\t": quoted += " "
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
