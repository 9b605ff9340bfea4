namespace Edge.Transport;

/// <summary>A device could not be reached, or the connection to it broke; the message names the address.</summary>
public class TransportException(string message, Exception? inner = null) : IOException(message, inner);
