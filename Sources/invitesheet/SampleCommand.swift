import ArgumentParser
import SheetIO

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a realistic user list with known mistakes, for demos and benchmarks.",
        discussion: "Not yet available.")
    func run() throws { throw Exit.internalError }
}
