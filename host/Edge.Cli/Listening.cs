using System.Net.Sockets;

namespace Edge.Cli;

/// <summary>How every serving command (the simulators) words a --listen address it cannot take.</summary>
internal static class Listening
{
    public static string Failure(string listen, SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => $"cannot listen on {listen}: another program already listens there; stop it or choose another --listen (port 0 picks a free one)",
        SocketError.AddressNotAvailable => $"cannot listen on {listen}: this machine has no such address; use one of its own, e.g. 127.0.0.1",
        SocketError.AccessDenied => $"cannot listen on {listen}: permission denied (ports below 1024 need privileges); choose another --listen",
        _ => $"cannot listen on {listen}: {e.Message}",
    };
}
