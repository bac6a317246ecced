/// The files of a new site made by `policysite init`: a commented site.yml, one example
/// policy and an empty moderation log. Paths are relative to the new site's directory.
public enum SiteScaffold {
    /// The moderation log's header row (DESIGN.md): the columns a row may fill.
    static let moderationLogHeader = "date,category,actions,account,hours-to-action"
    public static let examplePolicySlug = "about-these-policies"

    /// Every file of a new site, its example policy last updated in `month`.
    public static func files(month: CalendarMonth) -> [OutputFile] {
        [
            OutputFile(path: "content/site.yml", text: siteConfiguration),
            OutputFile(path: "content/policies/\(examplePolicySlug).md", text: examplePolicy(month: month)),
            OutputFile(path: "content/moderation-log.csv", text: moderationLogHeader + "\n"),
            OutputFile(path: ".gitignore", text: "# The built site: make it again with 'policysite build'.\n/site/\n"),
        ]
    }

    static let siteConfiguration = """
    # site.yml: who publishes these policies, and the rules the site is built by.
    # Lines starting with '#' are notes for you; policysite ignores them.

    # The organisation's name, shown at the top of every page. Required.
    organisation: \(PlaceholderText.organisation)
    # The title of the home page and of browser tabs. Optional: "<organisation> policies".
    title: \(PlaceholderText.organisation) policies
    # Where the site will be published, starting with https://. Used for the sitemap and
    # the feeds, so they point at the real pages. Required.
    base-url: \(PlaceholderText.baseURL)
    # Who parents contact with questions: a role, never a person's name. Required. Shown at
    # the foot of every page; to add an e-mail address, a telephone number and a link to the
    # complaints policy (its file name without .md, or a web address), write it instead as:
    #   contact:
    #     role: the school office
    #     email: office@your-school.sch.uk
    #     phone: 01234 567890
    #     complaints-policy: complaints
    contact: the school office
    # The language of the pages, as a language tag. Optional: en-GB.
    language: en-GB

    # When policies are reviewed. Both settings are optional.
    review:
      # A policy is "due soon" in the months that end with its review month. Optional: 3.
      due-soon-months: 3
      # Months from one review to the next; 'policysite new policy' and 'policysite review'
      # use it to suggest the next review date. Optional: 12.
      cycle-months: 12

    # The transparency report, built from the moderation log. Every setting is optional.
    report:
      # The anonymised moderation log, relative to this folder. Optional: moderation-log.csv.
      log: moderation-log.csv
      # Counts from 1 up to this number minus one are published as "fewer than 5", so no
      # one can be identified from a small number. Optional: 5.
      small-count-threshold: 5
      # Set to true while the log holds made-up rows: the report then says so. Optional: false.
      example-data: false
      # The policy whose promises the report counts (its file name without .md), so the report
      # links to it. Optional.
      # policy: twitter-policy

    # The kinds of content the moderation log records, in the log's 'category' column.
    # Each has a 'key' (lower-case letters, digits and '-', used in the log), a 'label'
    # (shown to parents) and an optional 'description'.
    categories:
      - key: undermining
        label: Undermining the school
        description: Comments that aim to undermine the school, its staff, pupils, parents, governors or others affiliated with the school.
      - key: offensive-language
        label: Offensive language
        description: Offensive language or remarks aimed at the school or anyone affiliated with it.
      - key: unsuitable-images
        label: Unsuitable images or content
        description: Unsuitable images or content posted into the school's feed.
      - key: unsuitable-shared-content
        label: Unsuitable shared content
        description: Unsuitable images or content finding its way from another account into the school's feed.
      - key: copyright
        label: Copyright infringement
        description: Images or text that infringe upon copyright.
      - key: child-follow-request
        label: Child follow request
        description: A child asked to follow the school's account.

    # What the school did about an incident, in the log's 'actions' column (one or more
    # keys separated by ';'). Same form as 'categories'.
    actions:
      - key: removed
        label: Content deleted
      - key: blocked
        label: Account removed or blocked
      - key: reported-platform
        label: Reported to the platform
      - key: reported-authority
        label: Reported to the appropriate authority
      - key: esafety-notified
        label: E-Safety officer notified

    """

    static func examplePolicy(month: CalendarMonth) -> String {
        """
        ---
        title: About these policies
        summary: How the school publishes its policies and keeps them up to date.
        # A role, never a person's name.
        owner: Headteacher
        # When the policy was last changed or reviewed: 'September 2026', 'Sep 2026', '2026-09' or '2026-09-15'.
        last-updated: \(month.spelledOut)
        # When it is next due for review; the site shows a banner as that date comes near.
        next-review: \(month.adding(months: 12).spelledOut)
        ---

        \(PlaceholderText.examplePolicyOpening)
        others with `policysite new policy "Title"`.

        ## How policies are reviewed

        Each policy is reviewed by its owner at least once a year. The date of the next review is
        shown at the top of every policy, with a note when the review is due soon or overdue.

        ## Questions

        If anything in a policy is unclear, please contact the school office.

        """
    }
}
