using Edge.Device.Codec;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Parses and validates a drift profile (layout: firmware/docs/drift-profile-format.md). Every
    /// problem is an <see cref="EdgeFormatException"/> that names the source, the field and the
    /// byte offset; a profile that loads is internally consistent.
    /// </summary>
    public static class DriftProfileReader
    {
        public static DriftProfile Read(byte[] data, string source)
        {
            return Read(data, 0, data == null ? 0 : data.Length, source);
        }

        /// <summary>Reads a profile stored at data[offset .. offset+count) (for example inside a model file).</summary>
        public static DriftProfile Read(byte[] data, int offset, int count, string source)
        {
            if (data == null) throw new EdgeFormatException(source + ": no data");
            CheckEnvelope(data, offset, count, source);
            var r = new ByteReader(data, offset, count - DriftProfileFormat.TrailerBytes, source);
            r.Skip(12, "header");
            long referenceRows = r.ReadUInt32("reference rows");
            if (referenceRows < 1 || referenceRows > int.MaxValue) throw r.Fail("reference rows must be 1..2^31-1");
            var policy = ReadPolicy(r);
            int columnCount = r.ReadUInt16("column count");
            if (columnCount < 1 || columnCount > DriftProfileFormat.MaxColumns)
                throw r.Fail("column count " + columnCount.ToString() + " outside 1.." + DriftProfileFormat.MaxColumns.ToString());
            var columns = new ProfileColumn[columnCount];
            for (int i = 0; i < columnCount; i++)
            {
                columns[i] = ReadColumn(r, i, referenceRows);
                for (int j = 0; j < i; j++)
                {
                    if (columns[j].Name == columns[i].Name) throw r.Fail("column name '" + columns[i].Name + "' appears twice");
                }
            }
            if (r.Remaining != 0) throw r.Fail(r.Remaining.ToString() + " unexpected bytes after the last column");
            var profile = new DriftProfile(referenceRows, policy, columns);
            if (policy.OutOfProfileMinFeatures > profile.FeatureCount)
                throw r.Fail("out-of-profile feature count " + policy.OutOfProfileMinFeatures.ToString() + " exceeds the " + profile.FeatureCount.ToString() + " features");
            return profile;
        }

        private static void CheckEnvelope(byte[] data, int offset, int count, string source)
        {
            int minimum = DriftProfileFormat.HeaderBytes + DriftProfileFormat.TrailerBytes;
            if (offset < 0 || count < 0 || offset + count > data.Length)
                throw new EdgeFormatException(source + ": profile range outside the data");
            if (count < 4 || LittleEndian.ReadUInt32(data, offset) != DriftProfileFormat.Magic)
                throw new EdgeFormatException(source + ": not an Edge drift profile (no 'EDGP' signature at the start)");
            if (count < minimum)
                throw new EdgeFormatException(source + ": truncated: " + count.ToString() + " bytes, a profile has at least " + minimum.ToString());
            int version = LittleEndian.ReadUInt16(data, offset + 4);
            if (version != DriftProfileFormat.Version)
                throw new EdgeFormatException(source + ": profile format version " + version.ToString() + " is not supported (this build reads version " + DriftProfileFormat.Version.ToString() + ")");
            long declared = LittleEndian.ReadUInt32(data, offset + 8);
            if (declared != count)
                throw new EdgeFormatException(source + ": length mismatch: the header declares " + declared.ToString() + " bytes, " + count.ToString() + " are present (truncated or padded)");
            uint stored = LittleEndian.ReadUInt32(data, offset + count - 4);
            uint computed = Crc32.Compute(data, offset, count - 4);
            if (stored != computed)
                throw new EdgeFormatException(source + ": checksum mismatch (stored " + Hex(stored) + ", computed " + Hex(computed) + "): the file is corrupt");
        }

        private static DriftPolicySettings ReadPolicy(ByteReader r)
        {
            var p = new DriftPolicySettings();
            p.WindowSize = (int)r.ReadUInt32("window size");
            if (p.WindowSize < 1 || p.WindowSize > DriftProfileFormat.MaxWindow)
                throw r.Fail("window size " + p.WindowSize.ToString() + " outside 1.." + DriftProfileFormat.MaxWindow.ToString());
            p.DriftShareQ16 = r.ReadInt32("drift share");
            if (p.DriftShareQ16 < 0 || p.DriftShareQ16 > 65536) throw r.Fail("drift share outside 0..1");
            p.ConsecutiveWindows = r.ReadByte("consecutive windows");
            if (p.ConsecutiveWindows < 1) throw r.Fail("consecutive windows must be at least 1");
            p.CombineMode = r.ReadByte("combine mode");
            if (!CombineMode.IsValid(p.CombineMode)) throw r.Fail("unknown combine mode " + p.CombineMode.ToString());
            p.DecayShift = r.ReadByte("decay shift");
            r.Skip(1, "reserved");
            p.DecayBlock = r.ReadUInt16("decay block");
            if (p.DecayShift < 1 || p.DecayShift > 12 || p.DecayBlock < 1)
                throw r.Fail("decay block and shift must be at least 1 (shift at most 12)");
            long steady = ((long)p.DecayBlock << p.DecayShift) + p.DecayBlock;
            if ((steady << DriftProfileFormat.DecayedUnitShift) > DriftProfileFormat.MaxDecayedTotal)
                throw r.Fail("decay block " + p.DecayBlock.ToString() + " with shift " + p.DecayShift.ToString() + " remembers too many samples for 16-bit counts");
            p.CaptureRows = r.ReadUInt16("capture rows");
            p.BurstRateQ16 = r.ReadInt32("burst rate");
            p.MinNormalShareQ16 = r.ReadInt32("minimum normal share");
            if (p.BurstRateQ16 < 0 || p.BurstRateQ16 > 65536 || p.MinNormalShareQ16 < 0 || p.MinNormalShareQ16 > 65536)
                throw r.Fail("burst rate and minimum normal share must be within 0..1");
            p.OutOfProfileMinFeatures = r.ReadUInt16("out-of-profile feature count");
            p.AlphaQ16 = r.ReadInt32("alpha");
            p.KsCoefficientQ16 = r.ReadInt32("KS coefficient");
            p.ZCriticalQ16 = r.ReadInt32("Z critical value");
            if (p.AlphaQ16 <= 0 || p.AlphaQ16 >= 65536) throw r.Fail("alpha must be between 0 and 1");
            if (p.KsCoefficientQ16 <= 0 || p.ZCriticalQ16 <= 0) throw r.Fail("KS coefficient and Z critical value must be positive");
            return p;
        }

        private static ProfileColumn ReadColumn(ByteReader r, int index, long referenceRows)
        {
            string where = "column " + index.ToString();
            var c = new ProfileColumn();
            c.Name = r.ReadShortString(where + " name");
            if (c.Name.Length == 0) throw r.Fail(where + " has an empty name");
            where = "column '" + c.Name + "'";
            c.Kind = r.ReadByte(where + " kind");
            if (!ColumnKind.IsValid(c.Kind)) throw r.Fail(where + ": unknown kind " + c.Kind.ToString());
            c.Test = r.ReadByte(where + " test");
            if (!DriftTest.IsValidFor(c.Test, c.Kind))
                throw r.Fail(where + ": test " + c.Test.ToString() + " does not apply to a " + ColumnKind.Name(c.Kind) + " column");
            int bins = r.ReadByte(where + " bins");
            c.Shift = (sbyte)r.ReadByte(where + " shift");
            c.ThresholdQ16 = r.ReadInt32(where + " threshold");
            c.CriticalQ16 = r.ReadInt32(where + " critical value");
            if (c.ThresholdQ16 < 0 || c.CriticalQ16 < 0) throw r.Fail(where + ": negative threshold or critical value");
            if (c.IsBinned) ReadBinned(r, c, bins, where);
            else ReadCategorical(r, c, bins, where);
            long total = 0;
            for (int i = 0; i < c.Slots; i++) total += c.RefCounts[i];
            if (total > int.MaxValue) throw r.Fail(where + ": more than 2^31 reference rows");
            if (total != referenceRows)
                throw r.Fail(where + ": reference counts add up to " + total.ToString() + ", the profile has " + referenceRows.ToString() + " reference rows");
            c.Prepare(referenceRows);
            return c;
        }

        private static void ReadBinned(ByteReader r, ProfileColumn c, int bins, string where)
        {
            if (bins < DriftProfileFormat.MinBins || bins > DriftProfileFormat.MaxBins)
                throw r.Fail(where + ": " + bins.ToString() + " bins, must be " + DriftProfileFormat.MinBins.ToString() + ".." + DriftProfileFormat.MaxBins.ToString());
            c.Slots = bins;
            c.Edges = new int[bins - 1];
            for (int i = 0; i < bins - 1; i++)
            {
                c.Edges[i] = r.ReadInt32(where + " edge");
                if (i > 0 && c.Edges[i] < c.Edges[i - 1]) throw r.Fail(where + ": edges are not in ascending order");
            }
            c.RefCounts = ReadCounts(r, bins, where);
            c.RefLowMeanOffset = r.ReadInt32(where + " low tail mean");
            c.RefHighMeanOffset = r.ReadInt32(where + " high tail mean");
            c.SigmaDivisor = r.ReadInt32(where + " sigma divisor");
            c.RefMin = r.ReadInt32(where + " reference minimum");
            c.RefMax = r.ReadInt32(where + " reference maximum");
            if (c.RefLowMeanOffset < 0 || c.RefHighMeanOffset < 0) throw r.Fail(where + ": negative tail mean offset");
            if (c.SigmaDivisor < 1) throw r.Fail(where + ": sigma divisor must be positive");
            if (c.RefMin > c.RefMax) throw r.Fail(where + ": reference minimum above maximum");
        }

        private static void ReadCategorical(ByteReader r, ProfileColumn c, int categories, string where)
        {
            if (categories < 1 || categories > DriftProfileFormat.MaxCategories)
                throw r.Fail(where + ": " + categories.ToString() + " categories, must be 1.." + DriftProfileFormat.MaxCategories.ToString());
            c.Slots = categories + 1;
            c.Categories = new string[categories];
            for (int i = 0; i < categories; i++) c.Categories[i] = r.ReadShortString(where + " category name");
            int[] known = ReadCounts(r, categories, where);
            c.RefCounts = new int[c.Slots];
            for (int i = 0; i < categories; i++) c.RefCounts[i] = known[i];
            if (c.Test == DriftTest.ZTest && categories != 2) throw r.Fail(where + ": the Z test needs exactly two categories");
        }

        private static int[] ReadCounts(ByteReader r, int count, string where)
        {
            var counts = new int[count];
            for (int i = 0; i < count; i++)
            {
                counts[i] = r.ReadInt32(where + " reference count");
                if (counts[i] < 0) throw r.Fail(where + ": reference count beyond 2^31");
            }
            return counts;
        }

        private static string Hex(uint value)
        {
            return "0x" + value.ToString("X8");
        }
    }
}
