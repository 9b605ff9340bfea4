using System.Reflection;
using System.Runtime.CompilerServices;

namespace Edge.Targets.Heap;

/// <summary>
/// What an object graph built by the device code would take on nanoCLR's heap. The host runs the
/// same device source as the board (firmware/build/Edge.Device.Net), so the classes, their fields
/// and the arrays they allocate are the board's; each object is priced with
/// <see cref="NanoClrHeap"/>. Objects are counted once however often they are referenced;
/// objects that are not device code (host adapters given to the board loop) are not followed.
/// </summary>
public sealed class HeapMeasure
{
    private static readonly Assembly DeviceAssembly = typeof(Edge.Device.Board.BoardRuntime).Assembly;

    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (int Count, long Bytes)> _byType = new();

    /// <summary>Bytes counted so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes and object count per type name (arrays as "int[]" etc.), largest first.</summary>
    public IReadOnlyList<(string Type, int Count, long Bytes)> ByType =>
        _byType.OrderByDescending(kv => kv.Value.Bytes).Select(kv => (kv.Key, kv.Value.Count, kv.Value.Bytes)).ToList();

    /// <summary>nanoCLR bytes of everything reachable from root that was not counted before.</summary>
    public static long Of(object? root)
    {
        var measure = new HeapMeasure();
        measure.Add(root);
        return measure.Bytes;
    }

    /// <summary>Counts what is reachable from root and not yet counted by this measure; returns the bytes it added.</summary>
    public long Add(object? root)
    {
        long before = Bytes;
        var pending = new Stack<object>();
        if (root is not null) pending.Push(root);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!_seen.Add(item)) continue;
            Visit(item, pending);
        }
        return Bytes - before;
    }

    /// <summary>
    /// The device assembly's static fields: one block each in the assembly's static area
    /// (CLR_RT_Assembly keeps iStaticFields heap blocks), plus the arrays and objects they hold.
    /// Runs the static constructors.
    /// </summary>
    public long AddStatics()
    {
        long before = Bytes;
        foreach (var type in DeviceAssembly.GetTypes())
        {
            var statics = type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral).ToList();
            if (statics.Count == 0) continue;
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            Count(type.Name + " (statics)", (long)statics.Count * NanoClrHeap.HeapBlockBytes);
            foreach (var field in statics)
            {
                // The compiler's array-initialiser blobs (<PrivateImplementationDetails>) are data in the
                // image: priced as the empty struct they are, without reading them (a native-AOT host
                // cannot read them by reflection).
                if (field.Attributes.HasFlag(FieldAttributes.HasFieldRVA)) Count(field.FieldType.Name, NanoClrHeap.ObjectBytes(0));
                else Add(field.GetValue(null));
            }
        }
        return Bytes - before;
    }

    private void Count(string type, long bytes)
    {
        Bytes += bytes;
        _byType.TryGetValue(type, out var entry);
        _byType[type] = (entry.Count + 1, entry.Bytes + bytes);
    }

    private void Visit(object item, Stack<object> pending)
    {
        var type = item.GetType();
        switch (item)
        {
            case string s:
                // Priced as a string built at run time (what the readers make of names in a file);
                // the few literals (the board's name) cost a little less on the board.
                Count("string", NanoClrHeap.StringBytes(System.Text.Encoding.UTF8.GetByteCount(s)));
                return;
            case Array array:
                var element = type.GetElementType()!;
                Count(element.Name + "[]", NanoClrHeap.ArrayBytes(array.Length, NanoClrHeap.ElementBytes(element)));
                if (!NanoClrHeap.IsInline(element))
                {
                    foreach (var value in array)
                        if (value is not null) pending.Push(element.IsValueType ? new Boxed(value) : value);
                }
                return;
            case Boxed boxed:
                VisitObject(boxed.Value, boxed.Value.GetType(), pending);
                return;
        }
        if (type.Assembly != DeviceAssembly) return;   // a host adapter: the board has its own
        VisitObject(item, type, pending);
    }

    private void VisitObject(object item, Type type, Stack<object> pending)
    {
        var fields = InstanceFields(type);
        Count(type.Name, NanoClrHeap.ObjectBytes(fields.Count));
        foreach (var field in fields)
        {
            var value = field.GetValue(item);
            if (value is null || NanoClrHeap.IsInline(field.FieldType)) continue;
            pending.Push(field.FieldType.IsValueType ? new Boxed(value) : value);
        }
    }

    private static List<FieldInfo> InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return fields;
    }

    /// <summary>A struct value held by a field or array element: a separate heap object on nanoCLR.</summary>
    private sealed record Boxed(object Value);
}
