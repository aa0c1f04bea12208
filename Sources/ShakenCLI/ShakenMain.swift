import Foundation
import ArgumentParser

/// The entry point of the `shaken` executable, usable in process.
///
/// It parses the arguments, runs the command with ``CommandOutput/current`` bound to `output`, and turns
/// every error into one line on standard error and an exit status: 0 success, 1 a check did not pass
/// (lint errors, a failed verification), 2 bad input (files, keys, values), 64 a usage error.
public enum ShakenMain {
    /// Runs one invocation.
    ///
    /// - Parameters:
    ///   - arguments: The arguments without the program name.
    ///   - output: Where the command writes.
    /// - Returns: The process exit status.
    public static func run(_ arguments: [String], output: CommandOutput = .process) async -> Int32 {
        await CommandOutput.$current.withValue(output) {
            do {
                var command = try Shaken.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                return report(error)
            }
        }
    }

    /// Prints an error as one line and returns its exit status.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as ShakenCLIError:
            CommandOutput.diagnostic("shaken: error: \(oneLine(error.reason))")
            return error.exitCode
        case let exit as ExitCode:
            return exit.rawValue
        default:
            let status = Shaken.exitCode(for: error).rawValue
            if status == 0 {
                CommandOutput.current.standardOutput(Shaken.fullMessage(for: error) + "\n")
                return 0
            }
            let message = Shaken.message(for: error)
            if status == ExitCode.validationFailure.rawValue {
                CommandOutput.diagnostic("shaken: error: \(oneLine(message)) (see 'shaken help')")
            } else {
                CommandOutput.diagnostic("shaken: error: \(oneLine(message))")
                return 2
            }
            return status
        }
    }

    /// Collapses line breaks so that an error stays on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
