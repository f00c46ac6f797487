using System.Buffers;
using System.Globalization;
using System.Text;

namespace Shouhu.Imports;

/// <summary>
/// What one walk of a sheet's XML without reading a cell's value finds: the merged ranges (after the data, so the whole
/// sheet is walked for them), the row elements that hold a cell (not written <c>&lt;row/&gt;</c>), and the numbers of the
/// first <see cref="Kept"/> of them.
/// </summary>
internal sealed record SheetScan(List<MergedRange> Merges, int RowElements, List<int> FirstRows)
{
    /// <summary>How many row numbers are kept.</summary>
    public const int Kept = 256;
}

/// <summary>
/// The sheet's walk (<see cref="SheetScan"/>) on the inflated bytes, without an XML parser: the start tags
/// <c>&lt;row …&gt;</c> and <c>&lt;mergeCell …&gt;</c> (with or without a namespace prefix such as <c>x:</c>) are found by
/// searching for their names, and only their attributes <c>r</c> and <c>ref</c> are read. XmlReader took about 3 s for the
/// 160 MB child sheet of the 100,000-row benchmark, on the path before the first row; this takes a fraction of it
/// (docs/performance.md "Survey import").
/// It is exact for the XML spreadsheet writers produce — UTF-8 or another encoding that writes markup in ASCII, with no
/// comment, CDATA section, DOCTYPE or processing instruction after the declaration, and attribute values without
/// references — and answers null for anything else, or for markup it cannot follow, so the caller walks with XmlReader.
/// </summary>
internal static class SheetScanner
{
    private const int Chunk = 1 << 20;

    /// <summary>The walk of <paramref name="part"/> counting the row elements after row <paramref name="afterRow"/>, or null (see the class).</summary>
    /// <param name="part">The sheet's XML; read to the end (or to where the walk gives up) and disposed.</param>
    /// <param name="afterRow">Rows numbered up to this are not counted nor kept.</param>
    public static SheetScan? TryScan(Stream part, int afterRow)
    {
        var state = new State(afterRow);
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            using (part)
            {
                var (length, start) = (0, true);
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        // One tag longer than the buffer: grow it.
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = part.Read(buffer, length, buffer.Length - length);
                    length += read;
                    var data = buffer.AsSpan(0, length);
                    if (start && length > 0)
                    {
                        if (!Opening(data, out var skip))
                        {
                            return null;
                        }

                        // Past the declaration: no "<?" may follow.
                        data[..skip].Clear();
                        start = false;
                    }

                    // Every tag that begins before the last '<' ends before it: an attribute value holds no '<'.
                    var end = read == 0 ? length : data.LastIndexOf((byte)'<');
                    if (end <= 0)
                    {
                        if (read == 0)
                        {
                            break;
                        }

                        continue;
                    }

                    if (!state.Take(data[..end]))
                    {
                        return null;
                    }

                    data[end..].CopyTo(buffer);
                    length -= end;
                    if (read == 0)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new SheetScan(state.Merges, state.Count, state.First);
    }

    // The document's first bytes: an optional UTF-8 byte order mark, white space, and the declaration "<?xml … ?>" if
    // any. A UTF-16 document (a NUL among them) or one that does not begin with markup is not for this walk.
    private static bool Opening(Span<byte> data, out int skip)
    {
        skip = data.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (data[..Math.Min(data.Length, 4)].Contains((byte)0))
        {
            return false;
        }

        while (skip < data.Length && data[skip] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            skip++;
        }

        if (skip < data.Length && data[skip] != (byte)'<')
        {
            return false;
        }

        if (data[skip..].StartsWith("<?xml"u8))
        {
            var close = data[skip..].IndexOf("?>"u8);
            if (close < 0)
            {
                return false;
            }

            skip += close + 2;
        }

        return true;
    }

    private sealed class State(int afterRow)
    {
        public List<MergedRange> Merges { get; } = [];

        public List<int> First { get; } = new(SheetScan.Kept);

        public int Count { get; private set; }

        private int _next = 1;

        // One stretch of whole tags; false when it holds markup this walk does not follow.
        public bool Take(ReadOnlySpan<byte> data)
        {
            if (data.IndexOf("<!"u8) >= 0 || data.IndexOf("<?"u8) >= 0)
            {
                return false; // a comment, a CDATA section, a DOCTYPE or a processing instruction
            }

            for (var at = 0; Find(data, "row"u8, ref at, out var tag, out var closed);)
            {
                if (!closed)
                {
                    return false;
                }

                var number = Attribute(tag, "r"u8, out var text) switch
                {
                    null => _next,
                    false => -1,
                    true => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : _next,
                };
                if (number < 0)
                {
                    return false;
                }

                _next = number + 1;
                if (number > afterRow && (tag.IsEmpty || tag[^1] != (byte)'/'))
                {
                    Count++;
                    if (First.Count < SheetScan.Kept)
                    {
                        First.Add(number);
                    }
                }
            }

            for (var at = 0; Find(data, "mergeCell"u8, ref at, out var tag, out var closed);)
            {
                if (!closed || Attribute(tag, "ref"u8, out var text) is false)
                {
                    return false;
                }

                if (Encoding.UTF8.GetString(text).Split(':') is [var from, var to]
                    && Columns.TryParse(from, out var c1, out var r1) && Columns.TryParse(to, out var c2, out var r2))
                {
                    Merges.Add(new(r1, c1, r2, c2));
                }
            }

            return true;
        }

        // The next start tag named `name` (with any prefix) from `at`: what follows the name up to the closing '>' (not
        // `closed` when the stretch ends first); false when there is none.
        private static bool Find(ReadOnlySpan<byte> data, ReadOnlySpan<byte> name, ref int at, out ReadOnlySpan<byte> tag, out bool closed)
        {
            tag = default;
            closed = false;
            while (at < data.Length)
            {
                var found = data[at..].IndexOf(name);
                if (found < 0)
                {
                    at = data.Length;
                    return false;
                }

                var i = at + found;
                at = i + name.Length;
                if (at >= data.Length || data[at] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/'))
                {
                    continue; // a longer name (mergeCells, rowBreaks) or text
                }

                var j = i - 1;
                if (j >= 0 && data[j] == (byte)':')
                {
                    j--;
                    while (j >= 0 && IsNameByte(data[j]))
                    {
                        j--;
                    }
                }

                if (j < 0 || data[j] != (byte)'<')
                {
                    continue; // an end tag, a longer name (throw), or text
                }

                var close = data[at..].IndexOf((byte)'>');
                closed = close >= 0;
                tag = closed ? data.Slice(at, close) : default;
                at = close < 0 ? data.Length : at + close + 1;
                return true;
            }

            return false;
        }

        // The value of the unprefixed attribute `name`: true with its text, null when the tag has none, false when the tag
        // cannot be followed or the value holds a reference (&…;).
        private static bool? Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
        {
            value = default;
            var i = 0;
            while (true)
            {
                while (i < tag.Length && IsSpace(tag[i]))
                {
                    i++;
                }

                if (i >= tag.Length || tag[i] == (byte)'/')
                {
                    return null;
                }

                var nameStart = i;
                while (i < tag.Length && !IsSpace(tag[i]) && tag[i] != (byte)'=')
                {
                    i++;
                }

                var attribute = tag[nameStart..i];
                while (i < tag.Length && IsSpace(tag[i]))
                {
                    i++;
                }

                if (i >= tag.Length || tag[i] != (byte)'=')
                {
                    return false;
                }

                i++;
                while (i < tag.Length && IsSpace(tag[i]))
                {
                    i++;
                }

                if (i >= tag.Length || tag[i] is not ((byte)'"' or (byte)'\''))
                {
                    return false;
                }

                var quote = tag[i++];
                var length = tag[i..].IndexOf(quote);
                if (length < 0)
                {
                    return false;
                }

                if (attribute.SequenceEqual(name))
                {
                    value = tag.Slice(i, length);
                    return value.Contains((byte)'&') ? false : true;
                }

                i += length + 1;
            }
        }

        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

        private static bool IsNameByte(byte b) =>
            b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' or (byte)'-' or (byte)'.' or >= 0x80;
    }
}
