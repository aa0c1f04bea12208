import ACMECore
import ACMETesting
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JOSE
import STIRTesting
import Testing

@Suite("ACME problem documents (RFC 8555 §6.7, RFC 7807)")
struct ProblemDocumentTests {
    static func json(_ document: ACMEProblemDocument) throws -> JSONObject {
        try #require(document.json.objectValue)
    }

    @Test("every ACME error type renders its URN, its detail and its status", arguments: ACMEError.Code.table)
    func everyType(_ code: ACMEError.Code) throws {
        let document = ACMEProblemDocument(error: ACMEError(code, "detail for \(code)"))
        let json = try Self.json(document)
        #expect(json["type"]?.stringValue == "urn:ietf:params:acme:error:\(code)")
        #expect(json["status"]?.integerValue == Int64(document.status.code))
        #expect(document.response().headers[.contentType] == "application/problem+json")
        if code == .serverInternal {
            #expect(document.status == .internalServerError)
            #expect(json["detail"]?.stringValue == ACMEProblemDocument.internalDetail)
        } else {
            #expect(document.status.code == code.defaultHTTPStatus)
            #expect(json["detail"]?.stringValue == "detail for \(code)")
        }
    }

    @Test("subproblems and algorithms are rendered, and an explicit status wins")
    func subproblems() throws {
        let identifier = try TNAuthListIdentifier(value: "MAigBhYEMTIzNA==")
        let document = ACMEProblemDocument(error: ACMEError(
            .compound, "two problems", httpStatus: 409,
            subproblems: [ACMESubproblem(code: .rejectedIdentifier, detail: "not ours", identifier: identifier)], algorithms: ["ES256"]
        ))
        #expect(document.status == .conflict)
        let json = try Self.json(document)
        let sub = try #require(json["subproblems"]?.arrayValue?.first?.objectValue)
        #expect(sub["type"]?.stringValue == "urn:ietf:params:acme:error:rejectedIdentifier")
        #expect(sub["detail"]?.stringValue == "not ours")
        #expect(sub["identifier"]?.objectValue?["type"]?.stringValue == "TNAuthList")
        #expect(sub["identifier"]?.objectValue?["value"]?.stringValue == "MAigBhYEMTIzNA==")
        #expect(json["algorithms"]?.arrayValue == [.string("ES256")])
        #expect(try Self.json(ACMEProblemDocument(error: ACMEError(.malformed, "x")))["subproblems"] == nil)
    }

    @Test("a failing store surfaces as serverInternal over HTTP without its details")
    func storeFailure() async throws {
        let server = ACMETestServer(accounts: FailingAccountStore())
        try await server.application.test(.router) { client in
            let acme = ACMEHTTPClient(client, linker: server.linker, key: ACMEClientKey(TestPKI.key("problem-fail")))
            let response = try await acme.post(server.linker.newAccount, payload: try object([]), useJWK: true)
            #expect(response.status == .internalServerError)
            #expect(try ACMEHTTPClient.problemType(response) == "urn:ietf:params:acme:error:serverInternal")
            #expect(!String(buffer: response.body).contains("secret"))
            #expect(response.headers[.replayNonceForTests] != nil)
        }
    }
}

/// An account store whose every call fails with an error carrying a secret.
struct FailingAccountStore: AccountStore {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "connection to postgres://admin:secret@db failed" }
    }

    func account(_ id: ACMEAccount.ID) async throws -> ACMEAccount? { throw Failure() }
    func account(keyThumbprint thumbprint: String) async throws -> ACMEAccount? { throw Failure() }
    func createAccount(_ account: ACMEAccount) async throws -> AccountCreation { throw Failure() }
    func updateContact(_ id: ACMEAccount.ID, contact: [String]) async throws -> ACMEAccount? { throw Failure() }
    func deactivateAccount(_ id: ACMEAccount.ID) async throws -> ACMEAccount? { throw Failure() }
    func changeKey(_ id: ACMEAccount.ID, from oldThumbprint: String, to newKey: JSONWebKey) async throws -> KeyChangeOutcome { throw Failure() }
}
