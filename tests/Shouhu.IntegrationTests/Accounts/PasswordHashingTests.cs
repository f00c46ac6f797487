using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Shouhu.IntegrationTests.Accounts;

/// <summary>
/// The suite hashes its test passwords cheaply (<see cref="ShouhuApp.TestPasswordIterations"/>); Shouhu itself must keep
/// Identity's cost. Reads the stored hash's own header (ASP.NET Core Identity v3 format: 0x01, PRF, iteration count, salt
/// length, each a big-endian 32-bit integer).
/// </summary>
public sealed class PasswordHashingTests(ProductionHashingApp app) : IClassFixture<ProductionHashingApp>
{
    [Fact]
    public async Task NewAccount_IsHashedAtIdentitysCost_Pbkdf2Sha512With100000Iterations()
    {
        var (client, id) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        client.Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.ShouhuUser>>();
        var hash = Convert.FromBase64String((await users.FindByIdAsync(id))!.PasswordHash!);

        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u /* KeyDerivationPrf.HMACSHA512 */, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000, "iteration count below Identity's default");
    }
}
