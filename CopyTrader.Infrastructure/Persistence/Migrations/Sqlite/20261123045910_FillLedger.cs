using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FillLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessedLeaderFills",
                columns: table => new
                {
                    LeaderAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    FillId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedLeaderFills", x => new { x.LeaderAccountId, x.FillId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedLeaderFills_ProcessedUtc",
                table: "ProcessedLeaderFills",
                column: "ProcessedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessedLeaderFills");
        }
    }
}
