import ArgumentParser

@main
struct InviteSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitesheet",
        abstract: "Validate, convert and generate TechPass bulk-invitation spreadsheets.",
        discussion: """
        Public officers fill in the user-list template and upload it; invitesheet reads it \
        (XLSX or CSV), checks every row and says exactly which rows need fixing.

        Exit codes: 0 success (every row valid), 1 some rows invalid, 2 the file could not be \
        processed, 3 internal error, 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [ConvertCommand.self, SheetsCommand.self, SampleCommand.self, TemplateCommand.self, ValidateCommand.self, WatchCommand.self,
                      SubmitCommand.self, InviteCommand.self, StatusCommand.self, ResendCommand.self, SyncCommand.self]
    )
}
