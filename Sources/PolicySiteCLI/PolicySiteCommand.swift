import ArgumentParser
import PolicySite
public struct PolicySiteCommand: ParsableCommand { public init() {} }
