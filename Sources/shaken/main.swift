import Foundation
import ShakenCLI

exit(await ShakenMain.run(Array(CommandLine.arguments.dropFirst())))
