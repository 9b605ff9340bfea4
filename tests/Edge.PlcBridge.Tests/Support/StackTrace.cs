using System.Text.RegularExpressions;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>Recognises a .NET stack trace in text a user would see (an error line, a logged exception).</summary>
internal static partial class StackTrace
{
    /// <summary>A frame: "at Namespace.Type.Method(".</summary>
    [GeneratedRegex(@"\bat [A-Z][\w.`<>]+\.[\w<>`]+\(")]
    public static partial Regex Frame();
}
