import ACMECore
import App
import Testing

@Suite("The test-only fault-injection switch SHAKEN_FAULT_KILL_AT")
struct FaultInjectionTests {
    @Test("a step, with or without an authority, parses and prints back", arguments: [
        ("processing", IssuanceProbe.Step.orderProcessing, SandboxFaultInjection.Authority?.none),
        ("sti-ca:reserved", .serialReserved, .certificationAuthority),
        ("sti-sca:signed", .signed, .subordinateAuthority),
        ("recorded", .recorded, nil),
        ("sti-sca:valid", .orderValid, .subordinateAuthority),
    ])
    func parses(text: String, step: IssuanceProbe.Step, authority: SandboxFaultInjection.Authority?) throws {
        let switchValue = try SandboxFaultInjection(text)
        #expect(switchValue == SandboxFaultInjection(step: step, authority: authority))
        #expect(switchValue.description == text)
    }

    @Test("a value that names no step or no authority is a configuration error", arguments: [
        "", "kill", "Signed", "sti-ca:", ":signed", "sti-xx:signed", "sti-ca:signed:now", "sti-ca signed",
    ])
    func rejects(text: String) {
        #expect(throws: AppError(.configuration, "")) { try SandboxFaultInjection(text) }
    }

    @Test("the environment arms the switch only when the variable is set and not empty")
    func environment() throws {
        #expect(try SandboxFaultInjection.from(environment: [:]) == nil)
        #expect(try SandboxFaultInjection.from(environment: ["SHAKEN_FAULT_KILL_AT": ""]) == nil)
        #expect(try SandboxFaultInjection.from(environment: ["SHAKEN_FAULT_KILL_AT": "sti-ca:signed"]) == SandboxFaultInjection(step: .signed, authority: .certificationAuthority))
        #expect(throws: AppError(.configuration, "")) { try SandboxFaultInjection.from(environment: ["SHAKEN_FAULT_KILL_AT": "later"]) }
    }

    @Test("the switch fires at its step only, for its authority or for both when none is named")
    func fires() {
        let both = SandboxFaultInjection(step: .signed)
        let caOnly = SandboxFaultInjection(step: .signed, authority: .certificationAuthority)
        for step in IssuanceProbe.Step.allCases {
            for authority in SandboxFaultInjection.Authority.allCases {
                #expect(both.fires(at: step, of: authority) == (step == .signed))
                #expect(caOnly.fires(at: step, of: authority) == (step == .signed && authority == .certificationAuthority))
            }
        }
    }
}
