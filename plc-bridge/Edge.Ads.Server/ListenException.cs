using System.Net;
using System.Net.Sockets;

namespace Edge.Ads.Server;

/// <summary>
/// A listener could not start: which address and port, and why in words a user can act on
/// ("already in use", "not an address of this machine"). Thrown by <see cref="AdsServer.StartAsync"/>
/// and by the bridge's metrics endpoint; an <see cref="IOException"/>, so callers that report
/// I/O failures as one line report this one the same way. Its text is its message only, also where
/// a host logs it ("Hosting failed to start"): a port in use is a fact to fix, not a bug to trace.
/// </summary>
public sealed class ListenException : IOException
{
    public ListenException(string what, IPEndPoint endPoint, SocketException error)
        : base($"cannot listen for {what} on {endPoint}: {Explain(endPoint, error)}", error)
    {
        EndPoint = endPoint;
        SocketError = error.SocketErrorCode;
    }

    public IPEndPoint EndPoint { get; }

    public SocketError SocketError { get; }

    /// <summary>True when another program (or another bridge) listens there already.</summary>
    public bool AddressInUse => SocketError == SocketError.AddressAlreadyInUse;

    /// <summary>Type and message, without the stack trace and the inner socket error (its text is in the message).</summary>
    public override string ToString() => $"{GetType().FullName}: {Message}";

    private static string Explain(IPEndPoint endPoint, SocketException error) => error.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => $"port {endPoint.Port} is already in use on {endPoint.Address} (another bridge, an ADS router or some other program listens there)",
        SocketError.AddressNotAvailable => $"{endPoint.Address} is not an address of this machine",
        SocketError.AccessDenied => $"permission denied (ports below 1024 need privileges)",
        _ => error.Message,
    };
}
