using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Postgres
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
                    LeaderAccountId = table.Column<int>(type: "integer", nullable: false),
                    FillId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
