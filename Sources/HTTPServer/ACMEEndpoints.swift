import ACMECore
import HTTPTypes
import Hummingbird

/// The ACME route handlers: each reads the body within the limit, has the service's
/// ``ACMERequestVerifier`` check the JWS for the endpoint's key form, makes one ``ACMEService`` call
/// and renders the result (RFC 8555 §7). No decision is taken here.
struct ACMEEndpoints<Context: RequestContext>: Sendable {
    let service: ACMEService
    let configuration: ACMERouter.Configuration
    let origin: String
    let verifier: ACMERequestVerifier
    let json: ACMEResourceJSON

    init(service: ACMEService, configuration: ACMERouter.Configuration, origin: String) {
        self.service = service
        self.configuration = configuration
        self.origin = origin
        self.verifier = service.requestVerifier(maximumBodySize: configuration.maximumBodySize)
        self.json = ACMEResourceJSON(linker: service.linker)
    }

    func directory() -> Response {
        ResponseBuilding.json(json.directory(termsOfService: configuration.termsOfService, website: configuration.website))
    }

    func newNonce(status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.cacheControl: "no-store"])
    }

    func newAccount(_ request: Request) async throws -> Response {
        let verified = try await verifier.verifyKeyRequest(body: try await body(request), url: url(request))
        let result = try await service.newAccount(verified)
        return ResponseBuilding.json(
            json.account(result.account), status: result.created ? .created : .ok,
            headers: [.location: service.linker.account(result.account.id)]
        )
    }

    func account(_ request: Request, id: String?) async throws -> Response {
        let verified = try await accountRequest(request)
        let account = try await service.updateAccount(try Self.id(id, "account"), request: verified)
        return ResponseBuilding.json(json.account(account), headers: [.location: service.linker.account(account.id)])
    }

    func orders(_ request: Request, id: String?) async throws -> Response {
        let verified = try await accountRequest(request)
        guard try Self.id(id, "account") == verified.account.id else {
            throw ACMEError(.unauthorized, "the orders list belongs to another account")
        }
        return ResponseBuilding.json(json.orders(try await service.orders(request: verified)))
    }

    func keyChange(_ request: Request) async throws -> Response {
        let account = try await service.changeKey(try await accountRequest(request))
        return ResponseBuilding.json(json.account(account), headers: [.location: service.linker.account(account.id)])
    }

    func newOrder(_ request: Request) async throws -> Response {
        let order = try await service.newOrder(try await accountRequest(request))
        return ResponseBuilding.json(json.order(order), status: .created, headers: [.location: service.linker.order(order.id)])
    }

    func order(_ request: Request, id: String?) async throws -> Response {
        let order = try await service.order(try Self.id(id, "order"), request: try await accountRequest(request))
        return orderResponse(order)
    }

    func finalize(_ request: Request, id: String?) async throws -> Response {
        let order = try await service.finalize(try Self.id(id, "order"), request: try await accountRequest(request))
        return orderResponse(order)
    }

    func authorization(_ request: Request, id: String?) async throws -> Response {
        let authorization = try await service.authorization(try Self.id(id, "authorization"), request: try await accountRequest(request))
        return ResponseBuilding.json(json.authorization(authorization))
    }

    func challenge(_ request: Request, id: String?) async throws -> Response {
        let challenge = try await service.respondToChallenge(try Self.id(id, "challenge"), request: try await accountRequest(request))
        var headers: HTTPFields = [:]
        headers.append(HTTPField(name: .link, value: "<\(service.linker.authorization(challenge.authorizationID))>;rel=\"up\""))
        if challenge.status == .processing { headers[.retryAfter] = "1" }
        return ResponseBuilding.json(json.challenge(challenge), headers: headers)
    }

    func certificate(_ request: Request, serial: String?) async throws -> Response {
        let verified = try await accountRequest(request)
        guard let serial = serial.flatMap(CertificateSerial.init(hex:)) else {
            throw ACMEError.notFound("certificate \(serial ?? "")")
        }
        let issued = try await service.certificate(serial, request: verified)
        return ResponseBuilding.bytes(Array(issued.chainPEM.utf8), contentType: MediaType.pemCertificateChain)
    }

    func revoke(_ request: Request) async throws -> Response {
        let verified = try await verifier.verify(body: try await body(request), url: url(request), keyForm: .jwkOrKid)
        _ = try await service.revoke(verified)
        return Response(status: .ok)
    }

    // MARK: Helpers

    private func orderResponse(_ order: ACMEOrder) -> Response {
        var headers: HTTPFields = [.location: service.linker.order(order.id)]
        if order.status == .processing { headers[.retryAfter] = "1" }
        return ResponseBuilding.json(json.order(order), headers: headers)
    }

    private func accountRequest(_ request: Request) async throws -> AuthenticatedRequest {
        try await verifier.verifyAccountRequest(body: try await body(request), url: url(request))
    }

    /// The URL the request was received at, under the configured origin (RFC 8555 §6.4).
    private func url(_ request: Request) -> String {
        origin + request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    }

    private func body(_ request: Request) async throws -> [UInt8] {
        try await RequestBodyReader.acmeBody(request, limit: configuration.maximumBodySize)
    }

    private static func id<Tag>(_ text: String?, _ what: String) throws(ACMEError) -> ResourceID<Tag> {
        guard let text, !text.isEmpty else { throw ACMEError.notFound(what) }
        return ResourceID<Tag>(text)
    }
}
