using System.Buffers.Binary;
using System.Text;

namespace OneSeed.TorchSharp.Native;

/// <summary>One <c>Vernaux</c> entry of an ELF <c>.gnu.version_r</c> section: a symbol version needed from a library.</summary>
/// <param name="File">The library the version is needed from (the parent <c>Verneed</c>'s <c>vn_file</c>).</param>
/// <param name="Name">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">The entry's <c>vna_flags</c>.</param>
/// <param name="FlagsOffset">The file offset of <c>vna_flags</c> (a little-endian 16-bit field).</param>
internal readonly record struct ElfVersionNeed(string File, string Name, ushort Flags, long FlagsOffset);

/// <summary>
/// The few parts of a little-endian ELF64 shared library the native loader needs: the version needs
/// (<c>.gnu.version_r</c>) and the <c>DT_NEEDED</c> entries, read through the section headers and the
/// <c>sh_link</c>'ed string tables, with every offset bounds-checked.
/// </summary>
internal static class ElfImage
{
    /// <summary><c>VER_FLG_WEAK</c>: a version need the dynamic loader may miss without failing the load.</summary>
    public const ushort VerFlagWeak = 0x2;

    private const uint ShtDynamic = 6;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const long DtNull = 0;
    private const long DtNeeded = 1;

    /// <summary>All version needs of the image, in section order.</summary>
    /// <exception cref="FormatException">The bytes are not a well-formed little-endian ELF64 image.</exception>
    public static IReadOnlyList<ElfVersionNeed> ReadVersionNeeds(ReadOnlySpan<byte> image)
    {
        var result = new List<ElfVersionNeed>();
        foreach (Section section in ReadSections(image))
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }

            Section strings = StringTable(image, section);
            long entry = section.Offset;
            // sh_info is the number of Verneed entries; vn_next == 0 ends the chain early.
            for (uint i = 0; i < section.Info; i++)
            {
                CheckRange(image, entry, 16, "Verneed");
                ushort count = U16(image, entry + 2);
                string file = ReadString(image, strings, U32(image, entry + 4));
                long aux = entry + U32(image, entry + 8);
                for (int j = 0; j < count; j++)
                {
                    CheckRange(image, aux, 16, "Vernaux");
                    ushort flags = U16(image, aux + 4);
                    string name = ReadString(image, strings, U32(image, aux + 8));
                    if (U32(image, aux) != ElfHash(name))
                    {
                        throw new FormatException($"ELF Vernaux entry '{name}' at offset {aux} has a vna_hash that does not match its name.");
                    }

                    result.Add(new ElfVersionNeed(file, name, flags, aux + 4));
                    uint nextAux = U32(image, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint next = U32(image, entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }
        }

        return result;
    }

    /// <summary>The <c>DT_NEEDED</c> library names of the image's dynamic section.</summary>
    public static IReadOnlyList<string> ReadNeededLibraries(ReadOnlySpan<byte> image)
    {
        var result = new List<string>();
        foreach (Section section in ReadSections(image))
        {
            if (section.Type != ShtDynamic)
            {
                continue;
            }

            Section strings = StringTable(image, section);
            for (long at = section.Offset; at + 16 <= section.Offset + section.Size; at += 16)
            {
                CheckRange(image, at, 16, "dynamic entry");
                long tag = (long)U64(image, at);
                if (tag == DtNull)
                {
                    break;
                }

                if (tag == DtNeeded)
                {
                    result.Add(ReadString(image, strings, U64(image, at + 8)));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A copy of <paramref name="image"/> in which the need for <paramref name="versionName"/> is weak; every other
    /// byte is unchanged. Returns null when the image has no such need; an already weak need is returned as is.
    /// </summary>
    public static byte[]? WithWeakVersionNeed(ReadOnlySpan<byte> image, string versionName)
    {
        ElfVersionNeed? match = null;
        foreach (ElfVersionNeed need in ReadVersionNeeds(image))
        {
            if (need.Name == versionName)
            {
                match = need;
                break;
            }
        }

        if (match is not { } found)
        {
            return null;
        }

        byte[] copy = image.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(checked((int)found.FlagsOffset)), (ushort)(found.Flags | VerFlagWeak));
        return copy;
    }

    /// <summary>The System V ELF hash (the <c>vna_hash</c> of a version name).</summary>
    internal static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            h = (h << 4) + b;
            uint g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    private static List<Section> ReadSections(ReadOnlySpan<byte> image)
    {
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            throw new FormatException("Not an ELF file (bad magic).");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new FormatException($"Only little-endian ELF64 is supported (EI_CLASS={image[4]}, EI_DATA={image[5]}).");
        }

        ulong shoff = U64(image, 0x28);
        ushort shentsize = U16(image, 0x3a);
        ushort shnum = U16(image, 0x3c);
        if (shnum == 0 || shentsize < 64)
        {
            throw new FormatException($"ELF image has no usable section headers (e_shnum={shnum}, e_shentsize={shentsize}).");
        }

        var sections = new List<Section>(shnum);
        for (int i = 0; i < shnum; i++)
        {
            long at = checked((long)shoff + ((long)i * shentsize));
            CheckRange(image, at, 64, "section header");
            var section = new Section(U32(image, at + 4), checked((long)U64(image, at + 24)), checked((long)U64(image, at + 32)), U32(image, at + 40), U32(image, at + 44));
            // SHT_NOBITS (8) sections occupy no file bytes; every other section must lie inside the file.
            if (section.Type != 8 && section.Type != 0)
            {
                CheckRange(image, section.Offset, section.Size, "section");
            }

            sections.Add(section);
        }

        return sections;
    }

    private static Section StringTable(ReadOnlySpan<byte> image, Section owner)
    {
        List<Section> sections = ReadSections(image);
        if (owner.Link == 0 || owner.Link >= sections.Count || sections[(int)owner.Link].Type != 3)
        {
            throw new FormatException($"ELF section's sh_link {owner.Link} is not a string table.");
        }

        return sections[(int)owner.Link];
    }

    private static string ReadString(ReadOnlySpan<byte> image, Section strings, ulong index)
    {
        if (index >= (ulong)strings.Size)
        {
            throw new FormatException($"ELF string index {index} lies outside its string table ({strings.Size} bytes).");
        }

        ReadOnlySpan<byte> rest = image.Slice(checked((int)(strings.Offset + (long)index)), checked((int)(strings.Size - (long)index)));
        int end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new FormatException("ELF string is not terminated inside its string table.");
        }

        return Encoding.UTF8.GetString(rest[..end]);
    }

    private static void CheckRange(ReadOnlySpan<byte> image, long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset > image.Length || length > image.Length - offset)
        {
            throw new FormatException($"ELF {what} at offset {offset} (length {length}) lies outside the file ({image.Length} bytes).");
        }
    }

    private static ushort U16(ReadOnlySpan<byte> image, long at) => BinaryPrimitives.ReadUInt16LittleEndian(image[checked((int)at)..]);

    private static uint U32(ReadOnlySpan<byte> image, long at) => BinaryPrimitives.ReadUInt32LittleEndian(image[checked((int)at)..]);

    private static ulong U64(ReadOnlySpan<byte> image, long at) => BinaryPrimitives.ReadUInt64LittleEndian(image[checked((int)at)..]);
}
