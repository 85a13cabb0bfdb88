using System.Buffers;

namespace GraphApi.Server.WebSockets;

/// <summary>One outbound message's UTF-8 bytes, possibly in an array rented from the shared pool.</summary>
/// <remarks>
/// A shared subscription event is spliced into one envelope per subscriber: renting those arrays keeps a fan-out from
/// allocating a message per subscriber and event. The writer releases the array once the message is sent or dropped.
/// </remarks>
internal readonly struct OutboundBytes
{
    private readonly byte[] _array;
    private readonly bool _rented;

    private OutboundBytes(byte[] array, int length, bool rented)
    {
        _array = array;
        Length = length;
        _rented = rented;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>Bytes in an array of their own.</summary>
    public static OutboundBytes Owned(byte[] bytes) => new(bytes, bytes.Length, rented: false);

    /// <summary>An array of at least <paramref name="length"/> bytes from the shared pool, to fill and then <see cref="Release"/>.</summary>
    public static OutboundBytes Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length, rented: true);

    /// <summary>The writable bytes of a rented message.</summary>
    public Span<byte> Span => _array.AsSpan(0, Length);

    /// <summary>Gives a rented array back; the bytes must not be used afterwards.</summary>
    public void Release()
    {
        if (_rented)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
