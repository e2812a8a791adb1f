create table isql_plain (a integer)
insert into isql_plain values (42)
select a from isql_plain
drop table isql_plain
