using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OccurredUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    CopyGroupId = table.Column<int>(type: "integer", nullable: true),
                    AccountId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_Action",
                table: "AuditTrail",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_ActorUserId_OccurredUnixMs",
                table: "AuditTrail",
                columns: new[] { "ActorUserId", "OccurredUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_CopyGroupId",
                table: "AuditTrail",
                column: "CopyGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_OccurredUnixMs",
                table: "AuditTrail",
                column: "OccurredUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTrail");
        }
    }
}
