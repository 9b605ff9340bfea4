namespace Edge.Store;

/// <summary>The store refused or failed an operation; the message names the store and what to check.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The store could not be reached (network, endpoint down): worth retrying later, unlike a refusal.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);

/// <summary>A write-once record already holds other content: records are never overwritten.</summary>
public sealed class StoreConflictException(string message) : StoreException(message);

/// <summary>
/// The store answered and refused the request for good as things are set up (access denied, a missing bucket,
/// a request it will not take): trying the same again helps only after an operator changed something.
/// </summary>
public sealed class StoreRefusedException(string message, Exception? inner = null) : StoreException(message, inner);
