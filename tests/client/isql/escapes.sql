create table isql_esc (d date, s varchar(10))
insert into isql_esc values ({d '2024-02-29'}, 'x?y')
select d, s from isql_esc where d = {d '2024-02-29'}
select {fn UCASE(s)} from isql_esc
select s from isql_esc where s = 'x?y' -- a comment with ?
drop table isql_esc
