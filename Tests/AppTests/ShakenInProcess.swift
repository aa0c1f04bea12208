import Foundation
import ShakenCLI
import Synchronization

/// Runs `shaken` in process and captures what it writes.
func shaken(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
    let captured = Mutex<(out: String, err: String)>(("", ""))
    let sink = CommandOutput(
        standardOutput: { text in captured.withLock { $0.out += text } },
        standardError: { text in captured.withLock { $0.err += text } }
    )
    let status = await ShakenMain.run(arguments, output: sink)
    let (out, err) = captured.withLock { $0 }
    return (status, out, err)
}
