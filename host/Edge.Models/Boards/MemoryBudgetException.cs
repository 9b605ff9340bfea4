namespace Edge.Models.Boards;

/// <summary>A model that does not fit the stated memory budget.</summary>
public sealed class MemoryBudgetException(string message, Exception? inner = null) : Exception(message, inner);
