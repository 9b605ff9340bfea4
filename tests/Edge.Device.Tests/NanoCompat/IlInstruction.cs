using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>One decoded IL instruction: its opcode and, where it has one, its metadata token, or its local/argument index or integer constant.</summary>
public readonly record struct IlInstruction(int Offset, OpCode OpCode, int Token, int Operand = 0);

/// <summary>Decodes a method body into instructions, using the runtime's own opcode table for operand sizes.</summary>
public static class IlDecoder
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<IlInstruction> Decode(MethodBodyBlock body)
    {
        var reader = body.GetILReader();
        while (reader.RemainingBytes > 0)
        {
            int offset = reader.Offset;
            short value = reader.ReadByte();
            if (value == 0xFE) value = unchecked((short)(0xFE00 | reader.ReadByte()));
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
                throw new BadImageFormatException($"unknown IL opcode 0x{value:X} at IL_{offset:X4}");
            int token = 0;
            int operand = 0;
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget: reader.Offset += 1; break;
                case OperandType.ShortInlineI: operand = opCode == OpCodes.Ldc_I4_S ? reader.ReadSByte() : reader.ReadByte(); break;
                case OperandType.ShortInlineVar: operand = reader.ReadByte(); break;
                case OperandType.InlineVar: operand = reader.ReadUInt16(); break;
                case OperandType.InlineI: operand = reader.ReadInt32(); break;
                case OperandType.InlineBrTarget:
                case OperandType.ShortInlineR: reader.Offset += 4; break;
                case OperandType.InlineI8:
                case OperandType.InlineR: reader.Offset += 8; break;
                case OperandType.InlineSwitch:
                    // Read the count first: `Offset += 4 * ReadInt32()` would add to the offset from before the count.
                    int targets = reader.ReadInt32();
                    reader.Offset += 4 * targets;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.InlineTok:
                case OperandType.InlineType: token = reader.ReadInt32(); break;
                default: throw new BadImageFormatException($"unhandled operand type {opCode.OperandType}");
            }
            yield return new IlInstruction(offset, opCode, token, operand);
        }
    }
}
